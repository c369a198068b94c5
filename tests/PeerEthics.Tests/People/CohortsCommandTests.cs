using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.People;

/// <summary><c>peerethics cohorts list|withdraw|complete</c>.</summary>
public sealed class CohortsCommandTests
{
    [Fact]
    public async Task Cohorts_are_listed_a_trainee_is_taken_out_and_completing_one_makes_those_who_finished_eligible()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await cli.RunAsync("programs", "list")).ExitCode); // prepares the database as serve would
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var options = new DbContextOptionsBuilder<SqlitePeerEthicsDb>()
            .UseSqlite($"Data Source={Path.Combine(cli.DataDirectory, "peerethics.db")};Pooling=False")
            .UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options;
        Cohort cohort;
        Credential finisher, leaver, mover;
        await using (var db = new SqlitePeerEthicsDb(options))
        {
            var programId = await db.Programs.Where(p => p.Slug == "massachusetts-cps").Select(p => p.Id).SingleAsync();
            Credential Trainee(string name) => new()
            {
                Person = new Person { LegalName = name, SearchName = name.ToLowerInvariant() }, ProgramId = programId, Status = CredentialStatus.Trainee,
            };
            (finisher, leaver, mover) = (Trainee("Hal Finisher"), Trainee("Ivy Leaver"), Trainee("Mo Mover"));
            cohort = new Cohort { ProgramId = programId, Name = "Autumn Boston", StartsOn = today.AddDays(-60), EndsOn = today.AddDays(-1), Trainer = "Jo Trainer" };
            cohort.Enrolments.Add(new CohortEnrolment { Person = finisher.Person });
            cohort.Enrolments.Add(new CohortEnrolment { Person = leaver.Person });
            cohort.Enrolments.Add(new CohortEnrolment { Person = mover.Person });
            db.AddRange(finisher, leaver, mover, cohort);
            await db.SaveChangesAsync();
        }

        var id = cohort.Id.ToString(CultureInfo.InvariantCulture);
        var moverId = mover.PersonId.ToString(CultureInfo.InvariantCulture);
        var noReason = await cli.RunAsync("cohorts", "withdraw", id, "--person", moverId, "--reason", " ");
        var withdrawn = await cli.RunAsync("cohorts", "withdraw", id, "--person", moverId, "--reason", "Moved to Missouri");
        var list = await cli.RunAsync("cohorts", "list", "--format", "json");
        var completed = await cli.RunAsync("cohorts", "complete", cohort.Id.ToString(CultureInfo.InvariantCulture), "--did-not-finish", leaver.PersonId.ToString(CultureInfo.InvariantCulture));
        var again = await cli.RunAsync("cohorts", "complete", cohort.Id.ToString(CultureInfo.InvariantCulture));
        var missing = await cli.RunAsync("cohorts", "complete", "999");
        var afterCompletion = await cli.RunAsync("cohorts", "withdraw", id, "--person", finisher.PersonId.ToString(CultureInfo.InvariantCulture), "--reason", "Too late");

        Assert.Equal(1, noReason.ExitCode);
        Assert.Contains("Enter why the trainee is leaving the cohort", noReason.Error, StringComparison.Ordinal);
        Assert.True(withdrawn.ExitCode == 0, withdrawn.Error);
        Assert.Contains($"Took Mo Mover (person {moverId}) out of cohort {id} (Autumn Boston) on {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}. 2 trainee(s) remain enrolled.", withdrawn.Output, StringComparison.Ordinal);
        Assert.Equal(1, afterCompletion.ExitCode);
        Assert.Contains("This cohort is completed, so no one can be taken out of it.", afterCompletion.Error, StringComparison.Ordinal);

        Assert.True(list.ExitCode == 0, list.Error);
        using (var json = JsonDocument.Parse(list.Output))
        {
            var row = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal("Autumn Boston", row.GetProperty("name").GetString());
            Assert.Equal(2, row.GetProperty("enrolled").GetInt32());
            Assert.Equal(JsonValueKind.Null, row.GetProperty("completedOn").ValueKind);
        }

        Assert.True(completed.ExitCode == 0, completed.Error);
        Assert.Contains("1 finished and are eligible for certification, 1 did not", completed.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("This cohort is already completed.", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("there is no cohort 999", missing.Error, StringComparison.Ordinal);
        await using (var db = new SqlitePeerEthicsDb(options))
        {
            Assert.Equal(today, (await db.Credentials.SingleAsync(c => c.Id == finisher.Id)).EligibleSince);
            Assert.Null((await db.Credentials.SingleAsync(c => c.Id == leaver.Id)).EligibleSince);
            var moved = await db.Credentials.SingleAsync(c => c.Id == mover.Id);
            Assert.Null(moved.EligibleSince);
            Assert.Equal(CredentialStatus.Trainee, moved.Status);
            var enrolment = await db.CohortEnrolments.SingleAsync(e => e.PersonId == mover.PersonId);
            Assert.Equal((today, "Moved to Missouri", (bool?)false), (enrolment.WithdrawnOn, enrolment.WithdrawalReason, enrolment.Finished));
        }
    }
}
