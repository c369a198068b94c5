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

/// <summary>
/// A registrar publishes a new Massachusetts version, which starts a re-commitment campaign; the dashboard shows who
/// must sign; past the deadline a trainee sees the overdue flag on their record, signs, and the dashboard counts it.
/// It publishes a version and moves the clock, so it has an app of its own.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class CampaignJourneysTests(BrowserFixture fixture, CampaignJourneyApp journeyApp) : BrowserTest(fixture), IClassFixture<CampaignJourneyApp>
{
    private const string Password = "correct horse battery staple";

    private readonly KestrelAppFactory _app = journeyApp.App;

    protected override Uri BaseAddress => _app.BaseAddress;

    [Fact]
    public Task A_registrar_publishes_a_version_sees_the_campaign_and_an_overdue_trainee_signs_and_is_counted() =>
        JourneyAsync("campaign", async () =>
        {
            var trainee = await TraineeAsync("Rosa Campaign Parks");
            await SignInAsync("campaign-registrar", $"{Roles.Registrar},{Roles.Administrator}", mfa: true);

            // The staff navigation, with campaigns in it, stays on one line at desktop width.
            await OpenAsync("/staff/codes");
            var tops = await Page.Locator("nav[aria-label='Main'] a").EvaluateAllAsync<double[]>("links => links.map(a => a.getBoundingClientRect().top)");
            Assert.True(tops.Length == 8 && tops.Max() - tops.Min() < 8, $"the main navigation wraps at 1280 px (its {tops.Length} links start at {string.Join(", ", tops)})");
            await Page.GetByRole(AriaRole.Link, new() { Name = "Add a new version of a code" }).First.ClickAsync();
            await Page.GetByLabel("Program").SelectOptionAsync(new SelectOptionValue { Label = "Massachusetts Certified Peer Specialist (CPS)" });
            await Page.GetByLabel("A text file").SetInputFilesAsync(new FilePayload { Name = "massachusetts-2026.txt", MimeType = "text/plain", Buffer = Revised() });
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft and preview it" }).ClickAsync();
            await Page.GetByLabel("Day").FillAsync("23");
            await Page.GetByLabel("Month").FillAsync("11");
            await Page.GetByLabel("Year").FillAsync("2026");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Continue to publish" }).ClickAsync();
            await Expect(Page.Locator("#confirm-what-happens")).ToContainTextAsync("Publishing also starts a re-commitment campaign");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, publish version 2" }).ClickAsync();
            await Expect(Page.Locator("#confirmation")).ToContainTextAsync("A re-commitment campaign started: 1 person must sign it by 22 January 2027.");

            await Page.GetByRole(AriaRole.Link, new() { Name = "Staff: campaigns", Exact = true }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Re-commitment campaigns");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("campaigns");
            await Page.Locator("#campaigns a").First.ClickAsync();
            await Expect(Page.Locator("#total-pending")).ToHaveTextAsync("1 pending");
            await Expect(Page.Locator("#not-signed")).ToContainTextAsync("Rosa Campaign Parks");
            await Expect(Page.Locator("#by-organisation")).ToContainTextAsync("No employer recorded");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("campaign");
            var campaignUrl = Page.Url;

            // Changing the deadline without a reason: named, and nothing changes.
            await Page.GetByLabel("New deadline").FillAsync("2027-02-15");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Change the deadline" }).ClickAsync();
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Enter why the deadline changes");
            await Expect(Page.Locator("#deadline")).ToHaveValueAsync("2027-02-15");
            await AssertAccessibleAsync();
            await Page.Locator("#error-summary a").First.ClickAsync();
            await Expect(Page.GetByLabel("Why the deadline changes")).ToBeFocusedAsync();
            await KeepScreenshotAsync("campaign-deadline-error");

            // Past the deadline, the trainee is flagged on their record, signs, and the flag goes.
            _app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 25, 9, 0, 0, TimeSpan.Zero));
            await SignInAsync(trainee, Roles.Trainee);
            await OpenAsync("/my");
            await Expect(Page.Locator("#commitment-overdue")).ToContainTextAsync("Your signature is overdue");
            await Expect(Page.Locator("#commitment-overdue")).ToContainTextAsync("The last day was 22 January 2027");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("my-overdue");
            await Page.Locator("#commitment-overdue").GetByRole(AriaRole.Link, new() { Name = "Sign it now" }).ClickAsync();
            await Expect(Page.Locator("#pledge-to-sign")).ToContainTextAsync("Rosa Campaign Parks");
            await Page.GetByLabel("Your full name").FillAsync("Rosa Campaign Parks");
            await Page.GetByLabel("I have read the").CheckAsync();
            await Page.GetByLabel("Your password").FillAsync(Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign the pledge" }).ClickAsync();
            await Expect(Page.Locator("#signed-notice")).ToContainTextAsync("Signed. Thank you.");
            await Expect(Page.Locator("#commitment-overdue")).ToHaveCountAsync(0);
            await OpenAsync("/my");
            await Expect(Page.Locator("#commitment-overdue")).ToHaveCountAsync(0);

            await SignInAsync("campaign-registrar", Roles.Registrar, mfa: true);
            await Page.GotoAsync(campaignUrl);
            await Expect(Page.Locator("#total-signed")).ToHaveTextAsync("1 signed");
            await Expect(Page.Locator("#total-overdue")).ToHaveTextAsync("0 overdue");
            await Expect(Page.Locator("#everyone-signed")).ToBeVisibleAsync();
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("campaign-signed");
        });

    private static byte[] Revised() => System.Text.Encoding.UTF8.GetBytes(
        Seeds.Text(Seeds.Massachusetts).Replace("relevant to recovery", "relevant to recovery and to ethics", StringComparison.Ordinal));

    private async Task SignInAsync(string userId, string roles, bool mfa = false) =>
        await Page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [TestSignIn.UserHeader] = userId,
            [TestSignIn.RolesHeader] = roles,
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

/// <summary>An app of its own for the campaign journey, which publishes a version and moves the clock.</summary>
public sealed class CampaignJourneyApp : IAsyncLifetime
{
    public KestrelAppFactory App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}
