using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerEthics.Accounts;
using PeerEthics.BrowserTests.Infrastructure;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class SigningJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "correct horse battery staple";

    private readonly KestrelAppFactory _app = fixture.App;

    [Fact]
    public Task A_trainee_signs_the_code_downloads_the_certificate_and_the_public_check_says_it_is_valid() =>
        JourneyAsync("sign-commitment", async () =>
        {
            var userId = await TraineeAsync("Harriet Browser Tubman");
            await SignInAsync(userId, Roles.Trainee);

            await OpenAsync("/my");
            await Page.GetByRole(AriaRole.Link, new() { Name = "Your commitments" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your commitments");
            await AssertAccessibleAsync();
            await Page.Locator("#to-sign-list a").First.ClickAsync();

            await Expect(Page.Locator("#code-title")).ToContainTextAsync("version");
            await Expect(Page.Locator("#pledge-to-sign")).ToContainTextAsync("Harriet Browser Tubman");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("sign-form");

            // A name that is not the record's, no tick: refused, naming both, with the name kept.
            await Page.GetByLabel("Your full name").FillAsync("Harriet Tubman");
            await Page.GetByLabel("Your password").FillAsync(Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign the pledge" }).ClickAsync();
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("does not match the name on your record");
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Tick the box");
            await Expect(Page.GetByLabel("Your full name")).ToHaveValueAsync("Harriet Tubman");
            await Expect(Page.GetByLabel("Your password")).ToHaveValueAsync("");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("sign-form-error");

            await Page.GetByLabel("Your full name").FillAsync("harriet browser tubman");
            await Page.GetByLabel("I have read the").CheckAsync();
            await Page.GetByLabel("Your password").FillAsync(Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign the pledge" }).ClickAsync();

            await Expect(Page.Locator("#signed-notice")).ToContainTextAsync("Signed. Thank you.");
            await Expect(Page.Locator("#commitments")).ToContainTextAsync("(in force)");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("signed");

            var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#signed-notice").GetByRole(AriaRole.Link, new() { Name = "Download your certificate (PDF)" }).ClickAsync());
            var path = await download.PathAsync();
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
            Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);

            await Page.Locator("#signed-notice").GetByRole(AriaRole.Link, new() { Name = "Check your commitment" }).ClickAsync();
            await Expect(Page.Locator("#result")).ToContainTextAsync("Valid");
            await Expect(Page.Locator("#signed")).ToContainTextAsync("harriet browser tubman");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("signed-verified");

            // Signed already: the page says so instead of offering the form again.
            await OpenAsync("/my/commitments/sign?program=massachusetts-cps");
            await Expect(Page.Locator("#already-signed")).ToContainTextAsync("You have already signed this version");
            await Expect(Page.GetByLabel("Your password")).ToHaveCountAsync(0);
            await AssertAccessibleAsync();

            // The staff page for the pledge template.
            await SignInAsync($"staff-{userId}", Roles.Registrar, mfa: true);
            await OpenAsync("/staff/programs/missouri-cmps/pledge");
            await Expect(Page.Locator("#pledge-source")).ToContainTextAsync("prints no pledge");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("pledge-template");
        });

    private async Task SignInAsync(string userId, string role, bool mfa = false) =>
        await Page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [TestSignIn.UserHeader] = userId,
            [TestSignIn.RolesHeader] = role,
            [TestSignIn.MfaHeader] = mfa ? "true" : "false",
        });

    /// <summary>A trainee of Massachusetts with an account (a real password, for the signature) linked to their record.</summary>
    private async Task<string> TraineeAsync(string name)
    {
        await using var scope = _app.Scope();
        var services = scope.ServiceProvider;
        var email = $"{Guid.NewGuid():N}@example.org";
        var user = new User { UserName = email, Email = email, DisplayName = name, CreatedAt = _app.Clock.GetUtcNow() };
        Assert.True((await services.GetRequiredService<UserManager<User>>().CreateAsync(user, Password)).Succeeded);
        var person = Assert.IsType<Outcome<PersonView>.Done>(await services.GetRequiredService<PeopleDirectory>()
            .CreateAsync(new PersonInput(name, null, null, null, null, null, null, email))).Value;
        Assert.IsType<Outcome<CredentialView>.Done>(await services.GetRequiredService<CredentialLifecycle>()
            .OpenAsync(person.Id, new CredentialInput("massachusetts-cps", "trainee", null)));
        return user.Id;
    }
}
