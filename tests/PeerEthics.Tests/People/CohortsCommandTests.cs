using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.People;

/// <summary><c>peerethics cohorts list|complete</c>, run as a real process.</summary>
public sealed class CohortsCommandTests
{
    [Fact]
    public async Task Cohorts_are_listed_and_completing_one_makes_those_who_finished_eligible()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await cli.RunAsync("programs", "list")).ExitCode); // prepares the database as serve would
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var options = new DbContextOptionsBuilder<SqlitePeerEthicsDb>()
            .UseSqlite($"Data Source={Path.Combine(cli.DataDirectory, "peerethics.db")};Pooling=False")
            .UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options;
        Cohort cohort;
        Credential finisher, leaver;
        await using (var db = new SqlitePeerEthicsDb(options))
        {
            var programId = await db.Programs.Where(p => p.Slug == "massachusetts-cps").Select(p => p.Id).SingleAsync();
            Credential Trainee(string name) => new()
            {
                Person = new Person { LegalName = name, SearchName = name.ToLowerInvariant() }, ProgramId = programId, Status = CredentialStatus.Trainee,
            };
            (finisher, leaver) = (Trainee("Hal Finisher"), Trainee("Ivy Leaver"));
            cohort = new Cohort { ProgramId = programId, Name = "Autumn Boston", StartsOn = today.AddDays(-60), EndsOn = today.AddDays(-1), Trainer = "Jo Trainer" };
            cohort.Enrolments.Add(new CohortEnrolment { Person = finisher.Person });
            cohort.Enrolments.Add(new CohortEnrolment { Person = leaver.Person });
            db.AddRange(finisher, leaver, cohort);
            await db.SaveChangesAsync();
        }

        var list = await cli.RunAsync("cohorts", "list", "--format", "json");
        var completed = await cli.RunAsync("cohorts", "complete", cohort.Id.ToString(CultureInfo.InvariantCulture), "--did-not-finish", leaver.PersonId.ToString(CultureInfo.InvariantCulture));
        var again = await cli.RunAsync("cohorts", "complete", cohort.Id.ToString(CultureInfo.InvariantCulture));
        var missing = await cli.RunAsync("cohorts", "complete", "999");

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
        }
    }
}
