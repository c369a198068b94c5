using System.CommandLine;
using System.Text.Json;
using PeerEthics.Cli;
using PeerEthics.Codes;

namespace PeerEthics.People;

/// <summary><c>peerethics credentials lapse-overdue</c>: what the daily job does, on demand.</summary>
public static class CredentialsCommands
{
    public static Command Create(TextWriter output)
    {
        var credentials = new Command("credentials", "Credentials of people with a program.");
        credentials.Subcommands.Add(LapseOverdue(output));
        return credentials;
    }

    private static Command LapseOverdue(TextWriter output)
    {
        var format = CliFormat.Option("text", "json");
        var command = new Command("lapse-overdue", "Lapse every credential past its expiry date and grace period, recording why (the daily job, now).") { format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CliHost.CreateReadyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var lapsed = await scope.ServiceProvider.GetRequiredService<CredentialLifecycle>().LapseOverdueAsync(cancellationToken);
            if (parseResult.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(lapsed.Select(l => new { credentialId = l.CredentialId, reason = l.Reason }), CodeExporter.ReadableJson));
                return 0;
            }

            foreach (var (id, reason) in lapsed)
            {
                await output.WriteLineAsync($"credential {id}\t{reason}");
            }

            await output.WriteLineAsync($"Lapsed {lapsed.Count} credential(s).");
            return 0;
        });
        return command;
    }
}
