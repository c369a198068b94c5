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
public sealed class CohortJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private readonly KestrelAppFactory _app = fixture.App;

    [Fact]
    public Task Staff_add_a_cohort_enrol_trainees_take_one_out_and_complete_the_cohort() =>
        JourneyAsync("cohort", async () =>
        {
            // The app is shared by the suite: names of its own keep this journey's rows apart.
            var unique = Guid.NewGuid().ToString("N")[..6];
            var cohortName = $"Autumn Boston {unique}";
            var traineeName = $"Nell Trainee {unique}";
            var personId = await TraineeAsync(traineeName);
            var leaverName = $"Ola Leaver {unique}";
            var leaverId = await TraineeAsync(leaverName);
            await Page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
            {
                [TestSignIn.UserHeader] = $"registrar-{unique}",
                [TestSignIn.RolesHeader] = Roles.Registrar,
                [TestSignIn.MfaHeader] = "true",
            });

            await OpenAsync("/staff/cohorts");
            await AssertAccessibleAsync();
            await Page.GetByRole(AriaRole.Link, new() { Name = "New cohort" }).ClickAsync();
            await Page.GetByLabel("Program", new() { Exact = true }).SelectOptionAsync("massachusetts-cps");
            await Page.GetByLabel("Cohort name").FillAsync(cohortName);
            await Page.GetByLabel("First day of training").FillAsync("2026-10-01");
            await Page.GetByLabel("Last day of training").FillAsync("2026-11-20");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add cohort" }).ClickAsync();

            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Enter the trainer's name.");
            await Expect(Page.GetByLabel("Cohort name")).ToHaveValueAsync(cohortName);
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("new-cohort-error");

            await Page.GetByLabel("Trainer", new() { Exact = true }).FillAsync("Jo Trainer");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add cohort" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(cohortName);
            foreach (var id in new[] { personId, leaverId })
            {
                await Page.GetByLabel("Trainee", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                await Page.GetByRole(AriaRole.Button, new() { Name = "Enrol" }).ClickAsync();
                await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The trainee is enrolled.");
            }

            await Expect(Page.Locator("#trainees")).ToContainTextAsync(traineeName);
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("cohort");

            await Page.GetByRole(AriaRole.Link, new() { Name = $"Take out {leaverName}" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Take {leaverName} out of {cohortName}");
            await Page.GetByRole(AriaRole.Button, new() { Name = $"Yes, take {leaverName} out of the cohort" }).ClickAsync();
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Enter why the trainee is leaving the cohort");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("withdraw-error");
            await Page.GetByLabel("Why they are leaving the cohort").FillAsync("Will join the spring cohort");
            await Page.GetByRole(AriaRole.Button, new() { Name = $"Yes, take {leaverName} out of the cohort" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The trainee is taken out of the cohort.");
            await Expect(Page.Locator($"#trainee-{leaverId}")).ToContainTextAsync("taken out of the cohort on");
            await AssertAccessibleAsync();

            await Page.GetByRole(AriaRole.Link, new() { Name = "Complete the cohort", Exact = true }).ClickAsync();
            await Expect(Page.Locator("#what-happens")).ToContainTextAsync("eligible for certification");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("complete-cohort");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, complete the cohort" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The cohort is completed.");
            await Expect(Page.Locator("#trainees")).ToContainTextAsync("Yes: eligible for certification");
            await AssertAccessibleAsync();

            await OpenAsync("/staff/cohorts");
            await Expect(Page.Locator("#cohorts")).ToContainTextAsync(cohortName);
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("cohorts");
        });

    [Fact]
    public Task Staff_add_an_employer_and_a_supervisor() =>
        JourneyAsync("employers", async () =>
        {
            var unique = Guid.NewGuid().ToString("N")[..6];
            await Page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
            {
                [TestSignIn.UserHeader] = $"registrar-{unique}",
                [TestSignIn.RolesHeader] = Roles.Registrar,
                [TestSignIn.MfaHeader] = "true",
            });

            await OpenAsync("/staff/organisations");
            await Page.GetByLabel("Email address").FillAsync("not an email");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add employer" }).ClickAsync();
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Enter the organisation's name.");
            await AssertAccessibleAsync();
            await Page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Harbor {unique}");
            await Page.GetByLabel("Email address").FillAsync("info@harbor.example.org");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add employer" }).ClickAsync();
            await Expect(Page.Locator("#organisations")).ToContainTextAsync($"Harbor {unique}");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("employers");

            await OpenAsync("/staff/supervisors");
            await Page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Dana {unique}");
            await Page.GetByLabel("Employer (optional)").SelectOptionAsync(new SelectOptionValue { Label = $"Harbor {unique}" });
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add supervisor" }).ClickAsync();
            await Expect(Page.Locator("#supervisors")).ToContainTextAsync($"Dana {unique}");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("supervisors");

            await Page.GetByRole(AriaRole.Link, new() { Name = $"Link an account for Dana {unique}" }).ClickAsync();
            await AssertAccessibleAsync();
            await Page.GetByLabel("Email address of their account").FillAsync($"nobody-{unique}@example.org");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save the account" }).ClickAsync();
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("There is no account with the email address");
            await AssertAccessibleAsync();
        });

    private async Task<int> TraineeAsync(string name)
    {
        await using var scope = _app.Scope();
        var services = scope.ServiceProvider;
        var person = Assert.IsType<Outcome<PersonView>.Done>(await services.GetRequiredService<PeopleDirectory>()
            .CreateAsync(new PersonInput(name, null, null, null, null, null, null, null))).Value;
        Assert.IsType<Outcome<CredentialView>.Done>(await services.GetRequiredService<CredentialLifecycle>()
            .OpenAsync(person.Id, new CredentialInput("massachusetts-cps", "trainee", null)));
        return person.Id;
    }
}
