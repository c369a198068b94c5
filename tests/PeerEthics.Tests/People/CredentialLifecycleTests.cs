using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.People;

/// <summary>Certification, numbers, expiry from the program's cycle, lapse after the grace period on the fake clock.</summary>
public sealed class CredentialLifecycleTests
{
    [Theory, AllDatabases]
    public async Task Certifying_issues_the_next_number_in_the_program_format_and_an_expiry_one_cycle_later(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();

        var (_, first) = await app.CertifiedAsync("Ada First");
        var (_, second) = await app.CertifiedAsync("Bea Second");
        var (_, missouri) = await app.CertifiedAsync("Cy Third", program: "missouri-cmps");

        Assert.Equal("CPS-000001", first.Number);
        Assert.Equal("CPS-000002", second.Number);
        Assert.Equal("CMPS-000001", missouri.Number);
        Assert.Equal(new DateOnly(2026, 11, 23), first.IssuedOn);
        Assert.Equal(new DateOnly(2028, 11, 23), first.ExpiresOn); // the shipped 24-month cycle
        Assert.Equal(new DateOnly(2029, 2, 21), first.GraceEndsOn); // and 90-day grace
        var last = first.History[^1];
        Assert.Equal((CredentialStatus.Trainee, CredentialStatus.Certified), (last.From!.Value, last.To));
        Assert.Equal("Completed training", last.Reason);
    }

    [Theory, AllDatabases]
    public async Task A_trainee_who_has_not_completed_training_cannot_be_certified(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var personId = await app.AddPersonAsync("Dee Early");
        var credential = await app.OpenAsync(personId);

        var outcome = await app.ChangeAsync(personId, credential.Id, CredentialStatus.Certified);

        var refused = Assert.IsType<Outcome<CredentialView>.Refused>(outcome);
        Assert.Contains("has not completed a training cohort", refused.Errors.For("status"), StringComparison.Ordinal);
        await using var scope = app.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Credentials.AsNoTracking().SingleAsync(c => c.Id == credential.Id);
        Assert.Equal(CredentialStatus.Trainee, stored.Status);
        Assert.Null(stored.Number);
    }

    [Theory, AllDatabases]
    public async Task A_status_change_needs_a_reason_and_the_current_version(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var (personId, credential) = await app.CertifiedAsync("Eli Reason");

        var noReason = await app.ChangeAsync(personId, credential.Id, CredentialStatus.Suspended, reason: "  ");
        await using var scope = app.Scope();
        var stale = await scope.ServiceProvider.GetRequiredService<CredentialLifecycle>()
            .ChangeStatusAsync(personId, credential.Id, new StatusChangeInput("suspended", "A concern", credential.Version - 1));

        Assert.True(Assert.IsType<Outcome<CredentialView>.Refused>(noReason).Errors.Has("reason"));
        Assert.Contains("Someone else changed this credential", Assert.IsType<Outcome<CredentialView>.Refused>(stale).Errors.For("status"), StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        Assert.Equal(CredentialStatus.Certified, (await db.Credentials.AsNoTracking().SingleAsync(c => c.Id == credential.Id)).Status);
    }

    [Theory, AllDatabases]
    public async Task Another_persons_credential_is_not_found(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var (_, credential) = await app.CertifiedAsync("Fay Owner");
        var other = await app.AddPersonAsync("Gus Other");

        var outcome = await app.ChangeAsync(other, credential.Id, CredentialStatus.Suspended);

        Assert.IsType<Outcome<CredentialView>.NotFound>(outcome);
    }

    [Theory, AllDatabases]
    public async Task Completing_a_cohort_makes_those_who_finished_eligible_for_certification(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var finisher = await app.AddPersonAsync("Hal Finisher");
        var leaver = await app.AddPersonAsync("Ivy Leaver");
        var finisherCredential = await app.OpenAsync(finisher);
        var leaverCredential = await app.OpenAsync(leaver);
        await using var scope = app.Scope();
        var roster = scope.ServiceProvider.GetRequiredService<CohortRoster>();
        var cohort = Assert.IsType<Outcome<CohortView>.Done>(await roster.CreateAsync(
            new CohortInput("massachusetts-cps", "Autumn 2026 Boston", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 20), "Jo Trainer"))).Value;
        Assert.IsType<Outcome<CohortView>.Done>(await roster.EnrolAsync(cohort.Id, finisher));
        Assert.IsType<Outcome<CohortView>.Done>(await roster.EnrolAsync(cohort.Id, leaver));

        var completed = await roster.CompleteAsync(cohort.Id, [leaver]);

        Assert.Equal(new DateOnly(2026, 11, 23), Assert.IsType<Outcome<CohortView>.Done>(completed).Value.CompletedOn);
        Assert.IsType<Outcome<CredentialView>.Done>(await app.ChangeAsync(finisher, finisherCredential.Id, CredentialStatus.Certified));
        Assert.IsType<Outcome<CredentialView>.Refused>(await app.ChangeAsync(leaver, leaverCredential.Id, CredentialStatus.Certified));
    }

    [Theory, AllDatabases]
    public async Task A_cohort_cannot_be_completed_before_training_ends_nor_enrol_an_applicant(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var applicant = await app.AddPersonAsync("Kim Applicant");
        await app.OpenAsync(applicant, CredentialStatus.Applicant);
        await using var scope = app.Scope();
        var roster = scope.ServiceProvider.GetRequiredService<CohortRoster>();
        var cohort = Assert.IsType<Outcome<CohortView>.Done>(await roster.CreateAsync(
            new CohortInput("massachusetts-cps", "Winter 2027", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1), "Jo Trainer"))).Value;

        var enrol = await roster.EnrolAsync(cohort.Id, applicant);
        var complete = await roster.CompleteAsync(cohort.Id, []);
        var backwards = await roster.CreateAsync(new CohortInput("massachusetts-cps", "Backwards", new DateOnly(2027, 2, 1), new DateOnly(2027, 1, 1), "Jo"));

        Assert.True(Assert.IsType<Outcome<CohortView>.Refused>(enrol).Errors.Has("personId"));
        Assert.Contains("2027-02-01", Assert.IsType<Outcome<CohortView>.Refused>(complete).Errors.For("cohort"), StringComparison.Ordinal);
        Assert.True(Assert.IsType<Outcome<CohortView>.Refused>(backwards).Errors.Has("endsOn"));
    }

    [Theory, AllDatabases]
    public async Task A_credential_lapses_only_after_its_expiry_and_grace_period_with_the_reason_recorded(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var (_, credential) = await app.CertifiedAsync("Lee Lapse"); // expires 2028-11-23, grace to 2029-02-21

        app.Clock.SetUtcNow(new DateTimeOffset(2029, 2, 21, 12, 0, 0, TimeSpan.Zero)); // last day of grace
        await using (var scope = app.Scope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<CredentialLifecycle>().LapseOverdueAsync());
        }

        app.Clock.SetUtcNow(new DateTimeOffset(2029, 2, 22, 0, 0, 0, TimeSpan.Zero)); // the day after
        await using (var scope = app.Scope())
        {
            var lapsed = await scope.ServiceProvider.GetRequiredService<CredentialLifecycle>().LapseOverdueAsync();
            Assert.Equal(credential.Id, Assert.Single(lapsed).CredentialId);
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            var change = await db.CredentialStatusHistory.AsNoTracking().Where(h => h.CredentialId == credential.Id).OrderBy(h => h.Id).LastAsync();
            Assert.Equal((CredentialStatus.Certified, CredentialStatus.Lapsed), (change.From!.Value, change.To));
            Assert.Equal("Not renewed: the certification expired on 2028-11-23 and the 90-day grace period ended on 2029-02-21.", change.Reason);
            Assert.Equal("system", change.ChangedBy);
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<CredentialLifecycle>().LapseOverdueAsync());
        }
    }

    [Theory, AllDatabases]
    public async Task The_daily_job_lapses_overdue_credentials_on_the_clock(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider, lapseDaily: true).Started();
        var (_, credential) = await app.CertifiedAsync("Mo Daily");

        app.Clock.SetUtcNow(new DateTimeOffset(2029, 3, 1, 0, 0, 0, TimeSpan.Zero));
        app.Clock.Advance(TimeSpan.FromDays(1)); // wakes the job, whatever it was waiting for

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var status = CredentialStatus.Certified;
        for (var i = 0; i < 100 && status != CredentialStatus.Lapsed; i++)
        {
            await Task.Delay(100);
            status = (await db.Credentials.AsNoTracking().SingleAsync(c => c.Id == credential.Id)).Status;
        }

        Assert.Equal(CredentialStatus.Lapsed, status);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "credential.status-changed" && e.Actor == "system"));
    }

    [Theory, AllDatabases]
    public async Task An_inactive_specialist_coming_back_keeps_the_current_cycle_but_a_lapsed_one_starts_a_new_one(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var (a, inactive) = await app.CertifiedAsync("Ned Inactive");
        var (b, lapsed) = await app.CertifiedAsync("Ola Lapsed");
        await app.ChangeAsync(a, inactive.Id, CredentialStatus.Inactive);

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var back = Assert.IsType<Outcome<CredentialView>.Done>(await app.ChangeAsync(a, inactive.Id, CredentialStatus.Certified)).Value;
        app.Clock.SetUtcNow(new DateTimeOffset(2029, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<CredentialLifecycle>().LapseOverdueAsync();
        }

        var reinstated = Assert.IsType<Outcome<CredentialView>.Done>(await app.ChangeAsync(b, lapsed.Id, CredentialStatus.Certified)).Value;

        Assert.Equal(new DateOnly(2028, 11, 23), back.ExpiresOn);
        Assert.Equal(new DateOnly(2029, 3, 1), reinstated.IssuedOn);
        Assert.Equal(new DateOnly(2031, 3, 1), reinstated.ExpiresOn);
        Assert.Equal(lapsed.Number, reinstated.Number);
        Assert.Equal([CredentialStatus.Trainee, CredentialStatus.Certified, CredentialStatus.Lapsed, CredentialStatus.Certified], reinstated.History.Select(h => h.To));
    }
}
