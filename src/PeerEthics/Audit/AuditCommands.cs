using System.CommandLine;
using PeerEthics.Cli;
using PeerEthics.Data;

namespace PeerEthics.Audit;

/// <summary>
/// <c>peerethics audit verify</c>: checks the whole chain and names the first entry that does not match.
/// <c>peerethics audit export [--from --to --actor --action --target --outcome]</c>: the entries as CSV on stdout.
/// </summary>
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
            if (await CliHost.NotMigratedAsync(db, error, cancellationToken))
            {
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
        audit.Subcommands.Add(Export(output, error));
        return audit;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var from = new Option<string?>("--from") { Description = "From this day (yyyy-mm-dd, UTC) or moment (ISO 8601)." };
        var to = new Option<string?>("--to") { Description = "To this day (included) or moment." };
        var actor = new Option<string?>("--actor") { Description = "An account id, or part of a name or email." };
        var action = new Option<string?>("--action") { Description = "An action, e.g. code.version-published, or a prefix such as code.*" };
        var target = new Option<string?>("--target") { Description = "The object acted on, or its beginning, e.g. code:missouri-cmps." };
        var outcome = new Option<string?>("--outcome") { Description = "success, failure or denied." };
        var command = new Command("export", "Write the audit entries as CSV (oldest first) to standard output: peerethics audit export > audit.csv")
        {
            from, to, actor, action, target, outcome,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var errors = new Dictionary<string, string>();
            var filter = AuditFilter.Parse(
                parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetValue(actor),
                parseResult.GetValue(action), parseResult.GetValue(target), parseResult.GetValue(outcome), errors);
            if (errors.Count > 0)
            {
                foreach (var (field, message) in errors)
                {
                    await error.WriteLineAsync($"peerethics: --{field}: {message}");
                }

                return PeerEthicsCommandLine.UsageError;
            }

            using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            if (await CliHost.NotMigratedAsync(db, error, cancellationToken))
            {
                return PeerEthicsCommandLine.UsageError;
            }

            await scope.ServiceProvider.GetRequiredService<AuditLog>()
                .RecordNowAsync(AuditApi.Exported, "audit", detail: $"csv: {filter.Describe()}", cancellationToken: cancellationToken);
            await AuditCsv.WriteAsync(output, AuditQuery.StreamAsync(db, filter), cancellationToken);
            return 0;
        });
        return command;
    }
}
