using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerEthics.Accounts;
using PeerEthics.BrowserTests.Infrastructure;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class DisclosuresJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private readonly KestrelAppFactory _app = fixture.App;

    [Fact]
    public Task A_specialist_discloses_a_gift_sees_the_outcome_the_supervisor_decides_and_the_specialist_sees_the_decision() =>
        JourneyAsync("disclose-gift", async () =>
        {
            var (supervisorUserId, specialistUserId) = await SupervisedSpecialistAsync("Rosa Browser", "Theo Supervisor");
            await SignInAsync(specialistUserId, Roles.PeerSpecialist);

            await OpenAsync("/my");
            await Page.GetByRole(AriaRole.Link, new() { Name = "Your disclosures" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your disclosures");
            await AssertAccessibleAsync();
            await Page.GetByRole(AriaRole.Link, new() { Name = "Tell your supervisor about a situation" }).ClickAsync();
            await AssertAccessibleAsync();

            await Page.GetByRole(AriaRole.Radio, new() { Name = "A gift", Exact = true }).CheckAsync();
            await Page.GetByLabel("When did it happen?").FillAsync("2026-11-20");
            await Page.GetByLabel("Who is the other person to you?").SelectOptionAsync("currently-supported");
            await Page.GetByLabel("Did you give it or receive it?").SelectOptionAsync("received");
            await Page.GetByLabel("What is it worth, in dollars?").FillAsync("60");
            await Page.GetByLabel("In your own words").FillAsync("A scarf for my birthday.");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check against my code" }).ClickAsync();

            // Cash or not was left out: the summary says so and links to it; nothing typed is lost.
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("cash or a gift card");
            await Expect(Page.GetByLabel("What is it worth, in dollars?")).ToHaveValueAsync("60");
            await Expect(Page.GetByLabel("In your own words")).ToHaveValueAsync("A scarf for my birthday.");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("disclosure-error");

            await Page.GetByLabel("For a gift: is it cash or a gift card?").SelectOptionAsync("false");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check against my code" }).ClickAsync();
            await Expect(Page.Locator("#check-status")).ToContainTextAsync("Nothing is saved yet");
            await Expect(Page.Locator("#outcome-massachusetts-cps")).ToHaveTextAsync("Against the code");
            await Expect(Page.Locator("#check-result")).ToContainTextAsync("accept gifts of significant value from those they support");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("disclosure-check");

            await Page.GetByRole(AriaRole.Button, new() { Name = "Send to my supervisor" }).ClickAsync();
            await Expect(Page.Locator("#confirmation")).ToContainTextAsync("sent to your supervisor, Theo Supervisor");
            await Expect(Page.Locator("#outcome-massachusetts-cps")).ToHaveTextAsync("Against the code");
            await Expect(Page.Locator("#disclosure-status")).ToHaveTextAsync("With your supervisor");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("disclosure-sent");
            var disclosurePath = new Uri(Page.Url).AbsolutePath;

            await SignInAsync(supervisorUserId, Roles.Supervisor);
            await OpenAsync("/supervision/disclosures");
            await Expect(Page.Locator("#waiting")).ToContainTextAsync("Rosa Browser");
            await AssertAccessibleAsync();
            await Page.Locator("#waiting").GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Disclosure from Rosa Browser");
            await AssertAccessibleAsync();
            await Page.GetByRole(AriaRole.Radio, new() { Name = "Guidance given" }).CheckAsync();
            await Page.GetByLabel("Note to the specialist").FillAsync("Thank them warmly and give it back: the program's limit is $50.");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
            await Expect(Page.Locator("#confirmation")).ToContainTextAsync("Your decision is saved");
            await Expect(Page.Locator("#decisions")).ToContainTextAsync("Guidance given");
            await KeepScreenshotAsync("disclosure-decided");

            await SignInAsync("journey-ethics-reviewer", Roles.EthicsReviewer, mfa: true);
            await OpenAsync("/ethics/disclosures");
            await Expect(Page.Locator("#others")).ToContainTextAsync("Rosa Browser");
            await AssertAccessibleAsync();
            await OpenAsync(disclosurePath.Replace("/my/", "/ethics/", StringComparison.Ordinal));
            await AssertAccessibleAsync();

            await SignInAsync(specialistUserId, Roles.PeerSpecialist);
            await OpenAsync("/my/disclosures");
            await Expect(Page.Locator("#disclosures")).ToContainTextAsync("Guidance given");
            await OpenAsync(disclosurePath);
            await Expect(Page.Locator("#decisions")).ToContainTextAsync("Guidance given");
            await Expect(Page.Locator("#decisions")).ToContainTextAsync("the program's limit is $50");
            await Expect(Page.Locator("#disclosure-status")).ToHaveTextAsync("Decided");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("disclosure-decision-seen");
        });

    private async Task SignInAsync(string userId, string role, bool mfa = false) =>
        await Page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [TestSignIn.UserHeader] = userId,
            [TestSignIn.RolesHeader] = role,
            [TestSignIn.MfaHeader] = mfa ? "true" : "false",
        });

    /// <summary>A supervisor linked to their account, and a certified Massachusetts specialist they supervise.</summary>
    private async Task<(string SupervisorUserId, string SpecialistUserId)> SupervisedSpecialistAsync(string name, string supervisorName)
    {
        await using var scope = _app.Scope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<User>>();
        var people = services.GetRequiredService<PeopleDirectory>();
        var supervisorEmail = $"{Guid.NewGuid():N}@example.org";
        var supervisorUser = new User { UserName = supervisorEmail, Email = supervisorEmail, DisplayName = supervisorName, CreatedAt = _app.Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(supervisorUser, "correct horse battery staple")).Succeeded);
        var supervisorId = Assert.IsType<Outcome<int>.Done>(await people.AddSupervisorAsync(supervisorName, supervisorEmail, null, null)).Value;
        Assert.IsType<Outcome<int>.Done>(await people.LinkSupervisorAccountAsync(supervisorId, supervisorEmail));

        var email = $"{Guid.NewGuid():N}@example.org";
        var user = new User { UserName = email, Email = email, DisplayName = name, CreatedAt = _app.Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(user, "correct horse battery staple")).Succeeded);
        var person = Assert.IsType<Outcome<PersonView>.Done>(await people.CreateAsync(new PersonInput(name, null, null, null, null, null, supervisorId, email))).Value;
        var lifecycle = services.GetRequiredService<CredentialLifecycle>();
        var credential = Assert.IsType<Outcome<CredentialView>.Done>(await lifecycle.OpenAsync(person.Id, new CredentialInput("massachusetts-cps", "trainee", null))).Value;
        var db = services.GetRequiredService<PeerEthicsDb>();
        (await db.Credentials.FindAsync(credential.Id))!.EligibleSince = new DateOnly(2026, 11, 1);
        await db.SaveChangesAsync();
        Assert.IsType<Outcome<CredentialView>.Done>(await lifecycle.ChangeStatusAsync(person.Id, credential.Id, new StatusChangeInput("certified", "Completed training")));
        return (supervisorUser.Id, user.Id);
    }
}
