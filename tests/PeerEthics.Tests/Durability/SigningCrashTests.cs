using PeerEthics.CrashTest;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Durability;

/// <summary>
/// The crash test of issue 5 in small, so every run of the suite has it: eight concurrent signers against the real app
/// in its own process, killed with SIGKILL a random moment after the first signature is acknowledged, then started
/// again. Every acknowledged commitment must be there and verify, and so must the ledger and the audit trail. The full
/// run (20 rounds and more, each database) is <c>scripts/bench crash</c>; results in bench/README.md.
/// </summary>
public sealed class SigningCrashTests
{
    [Theory, AllDatabases]
    public async Task Every_commitment_acknowledged_before_a_SIGKILL_is_kept_and_the_ledger_verifies(DatabaseProvider provider)
    {
        var work = Directory.CreateTempSubdirectory("peerethics-crash-").FullName;
        var postgres = provider == DatabaseProvider.Postgres ? await TestDatabases.CreateMigratedPostgresDatabaseAsync() : null;
        var log = new StringWriter();
        try
        {
            var report = await new CrashRun(new CrashOptions
            {
                AppPath = Path.Combine(AppContext.BaseDirectory, "peerethics.dll"),
                Provider = provider,
                WorkDirectory = work,
                PostgresConnection = postgres,
                Rounds = 1,
                Signers = 8,
                PeoplePerSigner = 1,
                KillWithinAfterFirstAck = TimeSpan.FromMilliseconds(400),
                NewCodeVersionEachRound = false,
                PrepareSessions = false,
            }, log).RunAsync();

            Assert.True(report.Passed, log.ToString());
            Assert.Equal(1, report.Kills);
            Assert.True(report.Acknowledged > 0, log.ToString());
            Assert.Equal(report.Acknowledged, report.Present);
            Assert.Equal(report.Acknowledged, report.VerifiedByApi);
            Assert.Equal(0, report.CommitmentsVerifyExitCode);
            Assert.Equal(0, report.AuditVerifyExitCode);
        }
        finally
        {
            if (postgres is not null)
            {
                await TestDatabases.DropPostgresDatabaseAsync(postgres);
            }

            Directory.Delete(work, recursive: true);
        }
    }
}
