using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.People;

/// <summary>The staff pages for training cohorts under /staff/cohorts.</summary>
public sealed class CohortPagesTests
{
    [Theory, AllDatabases]
    public async Task A_cohort_added_on_the_page_is_shown_and_listed_newest_first(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        await AddCohortAsync(app, "Winter 2026 Worcester", new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 1));
        var staff = app.CreateClientAs(Roles.Registrar);

        var response = await FormPost.PostAsync(staff, "/staff/cohorts/new", FormPost.Fields(
            ("program", "massachusetts-cps"), ("name", "Autumn 2026 Boston"), ("startsOn", "2026-10-01"), ("endsOn", "2026-11-20"), ("trainer", "Jo Trainer")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cohort = await Html.GetAsync(staff, response.Headers.Location!.ToString());
        Assert.Equal("Autumn 2026 Boston", Regex.Match(cohort.Markup, "<h1>(.*?)</h1>").Groups[1].Value);
        Assert.Contains("The cohort is added", cohort.TextOf("notice"), StringComparison.Ordinal);
        var facts = cohort.TextOf("cohort-facts");
        Assert.Contains(await ProgramNameAsync(app, "massachusetts-cps"), facts, StringComparison.Ordinal);
        Assert.Contains("1 October 2026 to 20 November 2026", facts, StringComparison.Ordinal);
        Assert.Contains("Jo Trainer", facts, StringComparison.Ordinal);
        Assert.Contains("No one is enrolled yet.", cohort.TextOf("no-trainees"), StringComparison.Ordinal);

        var list = await Html.GetAsync(staff, "/staff/cohorts");
        var table = list.TextOf("cohorts");
        Assert.Contains("2 cohorts, newest first", table, StringComparison.Ordinal);
        Assert.True(table.IndexOf("Autumn 2026 Boston", StringComparison.Ordinal) < table.IndexOf("Winter 2026 Worcester", StringComparison.Ordinal), table);
        Assert.Contains($"Autumn 2026 Boston {await ProgramNameAsync(app, "massachusetts-cps")} 1 October 2026 to 20 November 2026", table, StringComparison.Ordinal);
        Assert.Contains("Jo Trainer 0 trainees Not yet", table, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/cohorts/new\"", list.Markup, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_new_cohort_with_mistakes_comes_back_with_what_was_typed_and_nothing_saved(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var page = await FormPost.PostForPageAsync(staff, "/staff/cohorts/new", FormPost.Fields(
            ("program", ""), ("name", "Spring 2027 Boston"), ("startsOn", "2027-02-30"), ("endsOn", "2027-05-01"), ("trainer", "  ")));
        var backwards = await FormPost.PostForPageAsync(staff, "/staff/cohorts/new", FormPost.Fields(
            ("program", "massachusetts-cps"), ("name", "Backwards"), ("startsOn", "2027-03-01"), ("endsOn", "2027-02-01"), ("trainer", "Jo Trainer")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var summary = page.TextOf("error-summary");
        var program = summary.IndexOf("Choose the program the cohort trains for.", StringComparison.Ordinal);
        var startsOn = summary.IndexOf("The first day of training must be a real date", StringComparison.Ordinal);
        var trainer = summary.IndexOf("Enter the trainer's name.", StringComparison.Ordinal);
        Assert.True(program >= 0 && startsOn > program && trainer > startsOn, $"The summary should list program, first day, trainer in the form's order: {summary}");
        Assert.DoesNotContain("Enter the first day of training.", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"#startsOn\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"Spring 2027 Boston\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-02-30\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-05-01\"", page.Markup, StringComparison.Ordinal);
        Assert.StartsWith("Error:", Regex.Match(page.Markup, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("The last day of training cannot be before the first.", backwards.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("value=\"massachusetts-cps\" selected=\"selected\"", backwards.Markup, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Cohorts.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task Trainees_enrolled_and_the_cohort_completed_on_the_pages_make_those_who_finished_eligible(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var finisher = await app.AddPersonAsync("Hal Finisher", preferredName: "Hal");
        var leaver = await app.AddPersonAsync("Ivy Leaver");
        var applicant = await app.AddPersonAsync("Kim Applicant");
        var elsewhere = await app.AddPersonAsync("Mo Missouri");
        var finisherCredential = await app.OpenAsync(finisher);
        var leaverCredential = await app.OpenAsync(leaver);
        await app.OpenAsync(applicant, CredentialStatus.Applicant);
        await app.OpenAsync(elsewhere, CredentialStatus.Trainee, "missouri-cmps");
        var cohortId = await AddCohortAsync(app, "Autumn 2026 Boston", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 20));
        var staff = app.CreateClientAs(Roles.Registrar);
        var url = $"/staff/cohorts/{cohortId}";

        var before = await Html.GetAsync(staff, url);
        var choices = before.TextOf("personId");
        Assert.Contains("Hal Finisher (goes by Hal)", choices, StringComparison.Ordinal);
        Assert.Contains("Ivy Leaver", choices, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Applicant", choices, StringComparison.Ordinal);
        Assert.DoesNotContain("Mo Missouri", choices, StringComparison.Ordinal);

        foreach (var trainee in new[] { finisher, leaver })
        {
            var enrolled = await FormPost.PostAsync(staff, url, FormPost.Fields(("personId", Id(trainee))), $"{url}?handler=enrol");
            Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        }

        var roster = await Html.GetAsync(staff, url);
        Assert.Contains($"href=\"/staff/people/{finisher}\"", roster.Markup, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/people/{leaver}\"", roster.Markup, StringComparison.Ordinal);
        Assert.Contains("2 trainees enrolled", roster.TextOf("trainees"), StringComparison.Ordinal);
        Assert.Contains("every trainee with the", roster.TextOf("no-trainees-to-enrol"), StringComparison.Ordinal);

        var confirm = await Html.GetAsync(staff, $"{url}/complete");
        Assert.Contains("eligible for certification", confirm.TextOf("what-happens"), StringComparison.Ordinal);
        Assert.Contains("cannot be undone", confirm.TextOf("what-happens"), StringComparison.Ordinal);
        var completed = await FormPost.PostAsync(staff, $"{url}/complete", FormPost.Fields(("didNotFinish", Id(leaver))));

        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal($"{url}?done=completed", completed.Headers.Location!.ToString());
        var today = DateOnly.FromDateTime(PeerEthicsAppFactory.Now.UtcDateTime);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            Assert.Equal(today, (await db.Credentials.SingleAsync(c => c.Id == finisherCredential.Id)).EligibleSince);
            Assert.Null((await db.Credentials.SingleAsync(c => c.Id == leaverCredential.Id)).EligibleSince);
            Assert.Equal(today, (await db.Cohorts.SingleAsync(c => c.Id == cohortId)).CompletedOn);
        }

        var after = await Html.GetAsync(staff, url);
        Assert.Contains("On 23 November 2026", after.TextOf("cohort-completed"), StringComparison.Ordinal);
        Assert.Contains("Hal Not yet Yes: eligible for certification", after.TextOf("trainees"), StringComparison.Ordinal);
        Assert.Contains("Ivy Leaver Not yet No", after.TextOf("trainees"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"personId\"", after.Markup, StringComparison.Ordinal);
        var person = await Html.GetAsync(staff, $"/staff/people/{finisher}");
        Assert.Contains("Completed training on 23 November 2026: eligible for certification.", person.Text, StringComparison.Ordinal);
        Assert.Contains("It cannot be completed again.", (await Html.GetAsync(staff, $"{url}/complete")).TextOf("already-completed"), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task An_enrolment_the_roster_refuses_comes_back_naming_the_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var applicant = await app.AddPersonAsync("Kim Applicant");
        await app.OpenAsync(applicant, CredentialStatus.Applicant);
        await app.OpenAsync(await app.AddPersonAsync("Tia Trainee"));
        var cohortId = await AddCohortAsync(app, "Winter 2027", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1));
        var staff = app.CreateClientAs(Roles.Registrar);
        var url = $"/staff/cohorts/{cohortId}";

        var notTrainee = await FormPost.PostForPageAsync(staff, url, FormPost.Fields(("personId", Id(applicant))), $"{url}?handler=enrol");
        var nobody = await FormPost.PostForPageAsync(staff, url, FormPost.Fields(("personId", "")), $"{url}?handler=enrol");
        var notAnId = await FormPost.PostForPageAsync(staff, url, FormPost.Fields(("personId", "Kim")), $"{url}?handler=enrol");

        Assert.Equal(HttpStatusCode.OK, notTrainee.Status);
        Assert.Contains("Only a trainee with this cohort's program can be enrolled", notTrainee.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("href=\"#personId\"", notTrainee.Markup, StringComparison.Ordinal);
        Assert.Contains("id=\"personId-error\"><span class=\"visually-hidden\">Error: </span>Only a trainee with this cohort", notTrainee.Markup, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", notTrainee.Markup, StringComparison.Ordinal);
        Assert.StartsWith("Error:", Regex.Match(notTrainee.Markup, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("Choose the person to enrol.", nobody.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("Choose the person to enrol.", notAnId.TextOf("error-summary"), StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().CohortEnrolments.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task Completing_a_cohort_before_training_ends_is_refused_with_the_date_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var trainee = await app.AddPersonAsync("Tia Trainee");
        var credential = await app.OpenAsync(trainee);
        var cohortId = await AddCohortAsync(app, "Winter 2027", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1));
        await using (var scope = app.Scope())
        {
            Assert.IsType<Outcome<CohortView>.Done>(await scope.ServiceProvider.GetRequiredService<CohortRoster>().EnrolAsync(cohortId, trainee));
        }

        var staff = app.CreateClientAs(Roles.Registrar);

        var page = await FormPost.PostForPageAsync(staff, $"/staff/cohorts/{cohortId}/complete", FormPost.Fields(("didNotFinish", Id(trainee))));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Training ends on 2027-02-01; the cohort can be completed from then.", page.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("href=\"#cohort\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("id=\"cohort\"", page.Markup, StringComparison.Ordinal);
        Assert.Matches($"value=\"{trainee}\" checked=\"checked\"", page.Markup);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            Assert.Null((await db.Cohorts.SingleAsync(c => c.Id == cohortId)).CompletedOn);
            Assert.Null((await db.Credentials.SingleAsync(c => c.Id == credential.Id)).EligibleSince);
        }
    }

    [Theory, AllDatabases]
    public async Task A_trainee_taken_out_of_a_cohort_stays_on_its_roster_with_the_reason_and_does_not_finish_it(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var stayer = await app.AddPersonAsync("Hal Stayer");
        var mover = await app.AddPersonAsync("Mo Mover");
        var stayerCredential = await app.OpenAsync(stayer);
        var moverCredential = await app.OpenAsync(mover);
        var cohortId = await AddCohortAsync(app, "Autumn 2026 Boston", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 20));
        await using (var scope = app.Scope())
        {
            var roster = scope.ServiceProvider.GetRequiredService<CohortRoster>();
            Assert.IsType<Outcome<CohortView>.Done>(await roster.EnrolAsync(cohortId, stayer));
            Assert.IsType<Outcome<CohortView>.Done>(await roster.EnrolAsync(cohortId, mover));
        }

        var staff = app.CreateClientAs(Roles.Registrar);
        var url = $"/staff/cohorts/{cohortId}";
        var withdraw = $"{url}/withdraw/{mover}";
        Assert.Contains($"href=\"{withdraw}\"", (await Html.GetAsync(staff, url)).Markup, StringComparison.Ordinal);
        var confirm = await Html.GetAsync(staff, withdraw);
        Assert.Contains("still a trainee", confirm.TextOf("what-happens"), StringComparison.Ordinal);

        var noReason = await FormPost.PostForPageAsync(staff, withdraw, FormPost.Fields(("reason", "  ")));
        var tooLong = await FormPost.PostForPageAsync(staff, withdraw, FormPost.Fields(("reason", new string('x', 501))));

        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains("Enter why the trainee is leaving the cohort", noReason.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("href=\"#reason\"", noReason.Markup, StringComparison.Ordinal);
        Assert.StartsWith("Error:", Regex.Match(noReason.Markup, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("The reason can be at most 500 characters long; it has 501.", tooLong.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains(new string('x', 501), tooLong.Markup, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().CohortEnrolments.CountAsync(e => e.WithdrawnOn != null));
        }

        var taken = await FormPost.PostAsync(staff, withdraw, FormPost.Fields(("reason", "Moved to Missouri")));

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal($"{url}?done=withdrawn", taken.Headers.Location!.ToString());
        var page = await Html.GetAsync(staff, taken.Headers.Location!.ToString());
        Assert.Contains("The trainee is taken out of the cohort.", page.TextOf("notice"), StringComparison.Ordinal);
        Assert.Contains("1 trainee enrolled, 1 taken out", page.TextOf("trainees"), StringComparison.Ordinal);
        Assert.Contains("No: taken out of the cohort on 23 November 2026 (Moved to Missouri)", page.TextOf($"trainee-{mover}"), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{withdraw}\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Mo Mover", page.TextOf("personId"), StringComparison.Ordinal);
        Assert.Contains("was taken out of this cohort on 23 November 2026", (await Html.GetAsync(staff, withdraw)).TextOf("cannot-withdraw"), StringComparison.Ordinal);
        // The page no longer has the form; a second post (an old tab, say) is still refused by the roster.
        var twice = await FormPost.PostForPageAsync(staff, url, FormPost.Fields(("reason", "Again")), withdraw);
        Assert.Contains("This trainee was already taken out of the cohort on 2026-11-23.", twice.TextOf("error-summary"), StringComparison.Ordinal);

        var complete = await Html.GetAsync(staff, $"{url}/complete");
        Assert.Contains("1 trainee was taken out of the cohort earlier and did not finish it: Mo Mover.", complete.TextOf("withdrawn-trainees"), StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{mover}\"", complete.Markup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPost.PostAsync(staff, $"{url}/complete", FormPost.Fields())).StatusCode);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            Assert.NotNull((await db.Credentials.SingleAsync(c => c.Id == stayerCredential.Id)).EligibleSince);
            var moved = await db.Credentials.SingleAsync(c => c.Id == moverCredential.Id);
            Assert.Null(moved.EligibleSince);
            Assert.Equal(CredentialStatus.Trainee, moved.Status);
            var audit = await db.AuditEntries.Where(a => a.Action == "cohort.withdrawn").ToListAsync();
            var entry = Assert.Single(audit);
            Assert.Equal($"person:{mover}", entry.Detail);
            Assert.DoesNotContain("Missouri", entry.Detail ?? "", StringComparison.Ordinal);
        }

        var completed = await Html.GetAsync(staff, url);
        Assert.Contains("No: taken out of the cohort on 23 November 2026 (Moved to Missouri)", completed.TextOf($"trainee-{mover}"), StringComparison.Ordinal);
        Assert.Contains("Yes: eligible for certification", completed.TextOf($"trainee-{stayer}"), StringComparison.Ordinal);
        Assert.Contains("no one can be taken out of it", (await Html.GetAsync(staff, $"{url}/withdraw/{stayer}")).TextOf("cannot-withdraw"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{url}/withdraw/999")).StatusCode);
    }

    [Theory, AllDatabases]
    public async Task A_trainee_taken_out_by_mistake_is_enrolled_again_and_counts_once(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var trainee = await app.AddPersonAsync("Tia Trainee");
        await app.OpenAsync(trainee);
        var cohortId = await AddCohortAsync(app, "Winter 2027", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1));
        await using var scope = app.Scope();
        var roster = scope.ServiceProvider.GetRequiredService<CohortRoster>();
        Assert.IsType<Outcome<CohortView>.Done>(await roster.EnrolAsync(cohortId, trainee));
        Assert.IsType<Outcome<CohortView>.Done>(await roster.WithdrawAsync(cohortId, new WithdrawalInput(trainee, "Clicked the wrong name")));
        Assert.Contains(await roster.TraineesToEnrolAsync(cohortId, null), t => t.PersonId == trainee);
        Assert.Equal(0, (await roster.SummariesAsync()).Single().Enrolled);

        var again = Assert.IsType<Outcome<CohortView>.Done>(await roster.EnrolAsync(cohortId, trainee)).Value;

        var enrolment = Assert.Single(again.Enrolments);
        Assert.Equal((trainee, (DateOnly?)null, (string?)null), (enrolment.PersonId, enrolment.WithdrawnOn, enrolment.WithdrawalReason));
        Assert.Single(again.Enrolled);
        Assert.Equal(1, (await roster.SummariesAsync()).Single().Enrolled);
        Assert.DoesNotContain(await roster.TraineesToEnrolAsync(cohortId, null), t => t.PersonId == trainee);
        var refused = Assert.IsType<Outcome<CohortView>.Refused>(await roster.WithdrawAsync(cohortId, new WithdrawalInput(999, "Gone")));
        Assert.Equal("This person is not enrolled in the cohort.", refused.Errors.For("personId"));
        Assert.IsType<Outcome<CohortView>.NotFound>(await roster.WithdrawAsync(999, new WithdrawalInput(trainee, "Gone")));
    }

    [Theory, AllDatabases]
    public async Task A_cohort_that_does_not_exist_is_not_found(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/staff/cohorts/999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/staff/cohorts/999/complete")).StatusCode);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> AddCohortAsync(PeopleApp app, string name, DateOnly startsOn, DateOnly endsOn)
    {
        await using var scope = app.Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CohortRoster>()
            .CreateAsync(new CohortInput("massachusetts-cps", name, startsOn, endsOn, "Jo Trainer"));
        return Assert.IsType<Outcome<CohortView>.Done>(outcome).Value.Id;
    }

    private static async Task<string> ProgramNameAsync(PeopleApp app, string slug)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Programs.Where(p => p.Slug == slug).Select(p => p.Name).SingleAsync();
    }
}
