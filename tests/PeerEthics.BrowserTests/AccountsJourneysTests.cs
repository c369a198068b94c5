using Microsoft.Playwright;
using PeerEthics.Accounts;
using PeerEthics.BrowserTests.Infrastructure;
using PeerEthics.Tests.Accounts;
using PeerEthics.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class AccountsJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private readonly KestrelAppFactory _app = fixture.App;

    [Fact]
    public Task A_staff_member_signs_in_with_a_password_and_a_code_from_the_authenticator_app() =>
        JourneyAsync("sign-in-two-factor", async () =>
        {
            var (_, key) = await _app.CreateUserWithAuthenticatorAsync("admin-browser@example.org", Roles.Administrator);

            await OpenAsync("/");
            await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("sign-in");

            await Page.GetByLabel("Email address").FillAsync("admin-browser@example.org");
            await Page.GetByLabel("Password").FillAsync(TestUsers.Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in/two-factor$"));
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("sign-in-code");

            await Page.GetByLabel("Code").FillAsync(Totp.Code(key));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account$"));
            await Expect(Page.Locator("#account-facts")).ToContainTextAsync("admin-browser@example.org");
            await Expect(Page.Locator("#account-facts")).ToContainTextAsync("Administrator");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("account");

            await Page.GetByRole(AriaRole.Link, new() { Name = "Invite people" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Invite people");
            await AssertAccessibleAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Email address: enter an email address");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("invitations-errors");
        });

    [Fact]
    public Task A_new_staff_member_is_led_to_set_up_the_authenticator_app_and_sees_the_recovery_codes_once() =>
        JourneyAsync("set-up-two-factor", async () =>
        {
            await _app.CreateUserAsync("registrar-browser@example.org", Roles.Registrar);

            await OpenAsync("/account/sign-in");
            await Page.GetByLabel("Email address").FillAsync("registrar-browser@example.org");
            await Page.GetByLabel("Password").FillAsync(TestUsers.Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Set up an authenticator app");
            await Expect(Page.Locator("#two-factor-required")).ToBeVisibleAsync();
            await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("two-factor-set-up");

            var key = await Page.Locator("#authenticator-key").GetAttributeAsync("data-key");
            await Page.GetByLabel("Code from the app").FillAsync(Totp.Code(key!));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
            await Expect(Page.Locator("#two-factor-on")).ToBeVisibleAsync();
            await Expect(Page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("recovery-codes");

            await Page.GetByRole(AriaRole.Link, new() { Name = "I have saved my recovery codes: go to my account" }).ClickAsync();
            await Expect(Page.Locator("#two-factor-status")).ToContainTextAsync("On: signing in asks for a code");
        });

    [Fact]
    public Task Passkeys_are_added_with_the_browser_and_then_sign_in_without_a_password() =>
        JourneyAsync("passkeys", async () =>
        {
            await _app.CreateUserAsync("passkey-browser@example.org", Roles.PeerSpecialist);
            // Chromium's virtual authenticator stands in for a phone or security key (WebAuthn, user verification on).
            var cdp = await Page.Context.NewCDPSessionAsync(Page);
            await cdp.SendAsync("WebAuthn.enable");
            await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
                },
            });

            // A passkey belongs to a domain name, never an IP address: this journey uses localhost.
            var localhost = new UriBuilder(_app.BaseAddress) { Host = "localhost" }.Uri;
            await Page.GotoAsync(new Uri(localhost, "/account/sign-in").ToString());
            await Page.GetByLabel("Email address").FillAsync("passkey-browser@example.org");
            await Page.GetByLabel("Password").FillAsync(TestUsers.Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Page.GetByRole(AriaRole.Link, new() { Name = "Manage passkeys" }).ClickAsync();
            await AssertAccessibleAsync();
            await Page.GetByLabel("Name for this passkey (optional)").FillAsync("Test laptop");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
            await Expect(Page.Locator("#passkey-added")).ToContainTextAsync("Test laptop");
            await Expect(Page.Locator("#passkey-list")).ToContainTextAsync("Test laptop");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("passkeys");

            await Page.GetByRole(AriaRole.Link, new() { Name = "Back to your account" }).ClickAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out.");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account$"));
            await Expect(Page.Locator("#account-facts")).ToContainTextAsync("passkey-browser@example.org");

            await Page.GetByRole(AriaRole.Link, new() { Name = "Manage passkeys" }).ClickAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Remove the passkey Test laptop" }).ClickAsync();
            await Expect(Page.Locator("#passkey-removed")).ToBeVisibleAsync();
            await Expect(Page.Locator("#no-passkeys")).ToBeVisibleAsync();

            var audit = await _app.ReadAuditAsync();
            var userId = audit.Single(e => e.Action == AccountAudit.PasskeyAdded).Target;
            Assert.Equal("Test laptop", audit.Single(e => e.Action == AccountAudit.PasskeyAdded && e.Target == userId).Detail);
            Assert.Equal("Test laptop", audit.Single(e => e.Action == AccountAudit.PasskeyRemoved && e.Target == userId).Detail);
            Assert.Contains(audit, e => e.Action == AccountAudit.SignIn && e.Target == userId && e.Detail == "passkey");
        });
}
