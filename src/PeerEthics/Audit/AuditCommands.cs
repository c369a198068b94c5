using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Cli;
using PeerEthics.Data;

namespace PeerEthics.Audit;

/// <summary><c>peerethics audit verify</c>: checks the whole chain and names the first entry that does not match.</summary>
public static class AuditCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var audit = new Command("audit", "The tamper-evident audit trail.");
        var verify = new Command("verify", "Check every entry of the audit trail against the hash chain.");
        verify.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await error.WriteLineAsync("peerethics: the database is not migrated; run `peerethics migrate` first.");
                return PeerEthicsCommandLine.UsageError;
            }

            var result = await AuditVerifier.VerifyAsync(db, cancellationToken);
            if (result.Intact)
            {
                await output.WriteLineAsync($"The audit trail is intact: {result.Entries} entries, head {result.HeadHash}.");
                return 0;
            }

            await error.WriteLineAsync($"peerethics: the audit trail is broken at entry {result.FirstBadSequence}: {result.Problem}. The {result.Entries} entries before it verify.");
            return 1;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }
}
