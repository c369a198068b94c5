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
public sealed class PeopleJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private readonly KestrelAppFactory _app = fixture.App;

    [Fact]
    public Task A_specialist_logs_continuing_education_and_staff_approve_it() =>
        JourneyAsync("log-ce", async () =>
        {
            var (userId, personId, credentialId) = await CertifiedSpecialistAsync("Willa Browser");
            await SignInAsync(userId, Roles.PeerSpecialist);

            await OpenAsync("/my");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your record");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("my-record");

            await Page.GetByRole(AriaRole.Link, new() { Name = "Log an activity" }).ClickAsync();
            await Page.GetByLabel("Title of the activity").FillAsync("Boundaries in peer work");
            await Page.GetByLabel("Who provided it").FillAsync("Transformation Center");
            await Page.GetByLabel("Date you completed it").FillAsync("2026-11-23");
            await Page.GetByLabel("Of those, hours about ethics").FillAsync("2");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save activity" }).ClickAsync();

            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Enter the hours");
            await Expect(Page.GetByLabel("Title of the activity")).ToHaveValueAsync("Boundaries in peer work");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("log-ce-error");

            await Page.GetByLabel("Hours", new() { Exact = true }).FillAsync("3");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save activity" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("waiting for review");
            await Expect(Page.Locator("table[id^='activities-']")).ToContainTextAsync("Waiting for review");
            await KeepScreenshotAsync("log-ce-saved");

            await SignInAsync($"staff-{personId}", Roles.Registrar, mfa: true);
            await OpenAsync("/staff/ce");
            await AssertAccessibleAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).First.ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

            await OpenAsync($"/staff/people/{personId}");
            await AssertAccessibleAsync();
            await Page.Locator("#edit-person").ClickAsync();
            await AssertAccessibleAsync();
            await Page.GetByLabel("Preferred name").FillAsync("Willow");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The details are changed.");
            await Expect(Page.Locator("p.lead")).ToContainTextAsync("Goes by Willow.");
            await OpenAsync("/staff/people?q=willa");
            await AssertAccessibleAsync();
            await OpenAsync("/staff/people/new");
            await AssertAccessibleAsync();
            await OpenAsync("/staff/programs/massachusetts-cps");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("program-settings");
            await OpenAsync("/staff/renewals");
            await AssertAccessibleAsync();

            await SignInAsync(userId, Roles.PeerSpecialist);
            await OpenAsync("/my");
            await Expect(Page.Locator("span[id^='progress-hours-']")).ToContainTextAsync("3 of 20 hours approved");
            await OpenAsync($"/my/credentials/{credentialId}/renewal");
            await AssertAccessibleAsync();
        });

    private async Task SignInAsync(string userId, string role, bool mfa = false) =>
        await Page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [TestSignIn.UserHeader] = userId,
            [TestSignIn.RolesHeader] = role,
            [TestSignIn.MfaHeader] = mfa ? "true" : "false",
        });

    private async Task<(string UserId, int PersonId, int CredentialId)> CertifiedSpecialistAsync(string name)
    {
        await using var scope = _app.Scope();
        var services = scope.ServiceProvider;
        var email = $"{Guid.NewGuid():N}@example.org";
        var user = new User { UserName = email, Email = email, DisplayName = name, CreatedAt = _app.Clock.GetUtcNow() };
        Assert.True((await services.GetRequiredService<UserManager<User>>().CreateAsync(user, "correct horse battery staple")).Succeeded);
        var person = Assert.IsType<Outcome<PersonView>.Done>(await services.GetRequiredService<PeopleDirectory>()
            .CreateAsync(new PersonInput(name, null, null, null, null, null, null, email))).Value;
        var lifecycle = services.GetRequiredService<CredentialLifecycle>();
        var credential = Assert.IsType<Outcome<CredentialView>.Done>(await lifecycle.OpenAsync(person.Id, new CredentialInput("massachusetts-cps", "trainee", null))).Value;
        var db = services.GetRequiredService<PeerEthicsDb>();
        (await db.Credentials.FindAsync(credential.Id))!.EligibleSince = new DateOnly(2026, 11, 1);
        await db.SaveChangesAsync();
        Assert.IsType<Outcome<CredentialView>.Done>(await lifecycle.ChangeStatusAsync(person.Id, credential.Id, new StatusChangeInput("certified", "Completed training")));
        return (user.Id, person.Id, credential.Id);
    }
}
