using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerEthics.Accounts;
using PeerEthics.BrowserTests.Infrastructure;
using PeerEthics.Data;
using PeerEthics.Tests.Accounts;
using PeerEthics.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

/// <summary>
/// A registrar publishes a new version of the Massachusetts code from an uploaded file, and everyone sees it on
/// the code page. It changes data, so it has an app of its own. The registrar signs in through the pages with a
/// password and a TOTP code computed in the test; the administrator who then reads the audit trail uses the
/// test-only headers of <see cref="TestSignIn"/> (registered by the test host only).
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class StaffCodesJourneysTests(BrowserFixture fixture, StaffJourneyApp journeyApp) : BrowserTest(fixture), IClassFixture<StaffJourneyApp>
{
    private const string NewPrinciple = "Certified Peer Specialists will keep their certification current by completing the continuing education it requires.";

    private readonly KestrelAppFactory _app = journeyApp.App;

    protected override Uri BaseAddress => _app.BaseAddress;

    private static Dictionary<string, string> Headers(string user, string role) => new()
    {
        [TestSignIn.UserHeader] = user,
        [TestSignIn.RolesHeader] = role,
        [TestSignIn.MfaHeader] = "true",
    };

    /// <summary>The shipped Massachusetts code with a 16th principle after the 14th: the parser warns that 16 is out of sequence.</summary>
    private static byte[] RevisedMassachusetts()
    {
        var source = Seeds.Text(Seeds.Massachusetts);
        const string after = "whether or not it is prescribed.\n";
        Assert.Contains(after, source, StringComparison.Ordinal);
        var index = source.IndexOf(after, StringComparison.Ordinal) + after.Length;
        return System.Text.Encoding.UTF8.GetBytes(source.Insert(index, $"16. {NewPrinciple}\n"));
    }

    [Fact]
    public Task A_registrar_uploads_a_new_version_checks_the_preview_publishes_it_and_sees_it_on_the_code_page() =>
        JourneyAsync("staff-publish", async () =>
        {
            var (registrar, key) = await _app.CreateUserWithAuthenticatorAsync("registrar-publish@example.org", Roles.Registrar);
            await OpenAsync("/account/sign-in");
            await Page.GetByLabel("Email address").FillAsync("registrar-publish@example.org");
            await Page.GetByLabel("Password").FillAsync(TestUsers.Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in/two-factor$"));
            await Page.GetByLabel("Code").FillAsync(Totp.Code(key));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account$"));

            await OpenAsync("/staff/codes");
            await AssertAccessibleAsync();
            await Page.GetByRole(AriaRole.Link, new() { Name = "Add a new version of a code" }).First.ClickAsync();

            await Page.GetByLabel("Program").SelectOptionAsync(new SelectOptionValue { Label = "Massachusetts Certified Peer Specialist (CPS)" });
            await Page.GetByLabel("A text file").SetInputFilesAsync(new FilePayload { Name = "massachusetts-2026.txt", MimeType = "text/plain", Buffer = RevisedMassachusetts() });
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("staff-new-draft");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft and preview it" }).ClickAsync();

            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Check this draft before you publish it", Level = 1 })).ToBeVisibleAsync();
            await Expect(Page.Locator("#confirmation")).ToContainTextAsync("saved as a draft");
            await Expect(Page.Locator("#warning-list")).ToContainTextAsync("The label \"16.\" is out of sequence.");
            await Expect(Page.Locator("#lossless-result")).ToContainTextAsync("Yes. All");
            await Expect(Page.Locator("#change-counts")).ToContainTextAsync("1 principle added");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("staff-draft-preview");

            // A date before the version in force: named, and nothing is published.
            await Page.GetByLabel("Day").FillAsync("1");
            await Page.GetByLabel("Month").FillAsync("1");
            await Page.GetByLabel("Year").FillAsync("2014");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Continue to publish" }).ClickAsync();
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("is before 1 January 2015");
            await AssertAccessibleAsync();
            await Page.Locator("#error-summary a").First.ClickAsync();
            await Expect(Page.GetByLabel("Day")).ToBeFocusedAsync();

            await Page.GetByLabel("Day").FillAsync("23");
            await Page.GetByLabel("Month").FillAsync("11");
            await Page.GetByLabel("Year").FillAsync("2026");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Continue to publish" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Publish version 2 of this code?" })).ToBeVisibleAsync();
            await Expect(Page.Locator("#confirm-what-happens")).ToContainTextAsync("becomes the version in force at once, in place of version 1");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("staff-confirm-publish");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, publish version 2" }).ClickAsync();

            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/codes/massachusetts-cps/versions/2$"));
            await Expect(Page.Locator("#confirmation")).ToContainTextAsync("Version 2 of this code is published. It is in force from 23 November 2026.");
            await AssertAccessibleAsync();

            var visitor = await (await NewContextAsync()).NewPageAsync();
            await OpenAsync(visitor, "/codes/massachusetts-cps");
            await Expect(visitor.Locator("#version-facts")).ToContainTextAsync("2 (in force now)");
            await Expect(visitor.GetByText(NewPrinciple)).ToBeVisibleAsync();
            await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Staff: codes" })).ToHaveCountAsync(0);

            var administrator = await (await NewContextAsync(Headers("browser-admin", Roles.Administrator))).NewPageAsync();
            await OpenAsync(administrator, "/admin/audit?action=code.version-published");
            await Expect(administrator.Locator("#audit-entries")).ToContainTextAsync("code:massachusetts-cps/2");
            await Expect(administrator.Locator("#audit-entries")).ToContainTextAsync("registrar-publish@example.org");
            await administrator.GetByRole(AriaRole.Button, new() { Name = "Check every entry against the chain" }).ClickAsync();
            await Expect(administrator.Locator("#verify-result")).ToContainTextAsync("The audit trail is intact");
            await AssertAccessibleAsync(administrator);
            await administrator.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("admin-audit"), FullPage = true });
            const string fits = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth";
            Assert.True(await administrator.EvaluateAsync<bool>(fits), "the audit page scrolls sideways at 1280 px");
            await administrator.SetViewportSizeAsync(320, 800);
            Assert.True(await administrator.EvaluateAsync<bool>(fits), "the audit page scrolls sideways at 320 px");
            await administrator.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("admin-audit-320"), FullPage = true });

            await using var scope = _app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "code.version-published" && e.Target == "code:massachusetts-cps/2" && e.Actor == registrar.Id));
        });
}

/// <summary>An app of its own for the staff journey, which publishes a version the shared app's journeys must not see.</summary>
public sealed class StaffJourneyApp : IAsyncLifetime
{
    public KestrelAppFactory App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}
