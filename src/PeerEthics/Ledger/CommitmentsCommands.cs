using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Cli;
using PeerEthics.Data;

namespace PeerEthics.Ledger;

/// <summary>
/// <c>peerethics commitments export | verify | verify-proof</c>: copy the ledger out, and check it — live, or an
/// exported copy offline against the published public key — naming the first broken entry.
/// </summary>
public static class CommitmentsCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var commitments = new Command("commitments", "The commitment ledger: export it, verify it, verify a signer's proof.");
        commitments.Subcommands.Add(Export(output, error));
        commitments.Subcommands.Add(Verify(output, error));
        commitments.Subcommands.Add(VerifyProof(output, error));
        return commitments;
    }

    private static Option<string?> PublicKeyOption() => new("--public-key")
    {
        Description = "The ledger's published public key: a file (PEM, base64, or the JSON of /api/ledger/public-key) or the base64 key itself.",
    };

    private static Command Export(TextWriter output, TextWriter error)
    {
        var command = new Command("export", "Write the whole ledger — entries and signed checkpoints — as JSON Lines on stdout (e.g. > ledger.jsonl).");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            if (await CliHost.NotMigratedAsync(db, error, cancellationToken))
            {
                return PeerEthicsCommandLine.UsageError;
            }

            var key = LedgerSigningKey.Load(host.Services.GetRequiredService<LedgerSettings>().SigningKeyPath);
            var checkpoints = await db.LedgerCheckpoints.AsNoTracking().OrderBy(c => c.Size).ToListAsync(cancellationToken);
            var entries = db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
            await LedgerExport.WriteAsync(output, entries, checkpoints, key?.Public, host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Verify(TextWriter output, TextWriter error)
    {
        var fromFile = new Option<FileInfo?>("--from-file") { Description = "Verify an exported copy (from `commitments export`) instead of the live database; no database needed." };
        var publicKey = PublicKeyOption();
        var command = new Command("verify", "Check every entry and signed checkpoint of the ledger; names the first broken entry (exit code 1).") { fromFile, publicKey };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            LedgerPublicKey? trusted = null;
            if (parseResult.GetValue(publicKey) is { } keyText && (trusted = await ReadPublicKeyAsync(keyText, error, cancellationToken)) is null)
            {
                return PeerEthicsCommandLine.UsageError;
            }

            LedgerVerification result;
            if (parseResult.GetValue(fromFile) is { } file)
            {
                if (!file.Exists)
                {
                    await error.WriteLineAsync($"peerethics: --from-file: there is no file {file.FullName}.");
                    return PeerEthicsCommandLine.UsageError;
                }

                LedgerFile export;
                try
                {
                    using var reader = file.OpenText();
                    export = await LedgerExport.ReadAsync(reader, cancellationToken);
                }
                catch (FormatException e)
                {
                    await error.WriteLineAsync($"peerethics: the export is damaged: {e.Message}");
                    return 1;
                }

                if (trusted is null)
                {
                    if (export.PublicKey is null)
                    {
                        await error.WriteLineAsync("peerethics: the export names no public key; pass the ledger's published key with --public-key.");
                        return PeerEthicsCommandLine.UsageError;
                    }

                    trusted = export.PublicKey;
                    await error.WriteLineAsync($"Note: checked against the key named in the file itself (key id {trusted.KeyId}). Compare it with the published key (GET /api/ledger/public-key), or pass it with --public-key.");
                }

                result = LedgerVerifier.Verify(export.Entries, export.Checkpoints, trusted);
            }
            else
            {
                using var host = CliHost.Create();
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
                if (await CliHost.NotMigratedAsync(db, error, cancellationToken))
                {
                    return PeerEthicsCommandLine.UsageError;
                }

                if (trusted is null)
                {
                    var path = host.Services.GetRequiredService<LedgerSettings>().SigningKeyPath;
                    trusted = LedgerSigningKey.Load(path)?.Public;
                    if (trusted is null && await db.LedgerCheckpoints.AnyAsync(cancellationToken))
                    {
                        await error.WriteLineAsync($"peerethics: there is no ledger signing key at {path}; pass the ledger's published key with --public-key.");
                        return PeerEthicsCommandLine.UsageError;
                    }
                }

                result = await LedgerVerifier.VerifyAsync(db, trusted, cancellationToken);
            }

            return await ReportAsync(result, trusted, output, error);
        });
        return command;
    }

    private static Command VerifyProof(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("proof") { Description = "A proof file, as downloaded from the verification page (GET /api/commitments/{id}/proof)." };
        var publicKey = PublicKeyOption();
        var command = new Command("verify-proof", "Check a signer's inclusion proof offline: the entry, its path to the Merkle root, the checkpoint's signature.") { file, publicKey };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var proofFile = parseResult.GetValue(file)!;
            if (!proofFile.Exists)
            {
                await error.WriteLineAsync($"peerethics: there is no file {proofFile.FullName}.");
                return PeerEthicsCommandLine.UsageError;
            }

            LedgerPublicKey? trusted;
            if (parseResult.GetValue(publicKey) is { } keyText)
            {
                if ((trusted = await ReadPublicKeyAsync(keyText, error, cancellationToken)) is null)
                {
                    return PeerEthicsCommandLine.UsageError;
                }
            }
            else
            {
                using var host = CliHost.Create();
                var path = host.Services.GetRequiredService<LedgerSettings>().SigningKeyPath;
                if ((trusted = LedgerSigningKey.Load(path)?.Public) is null)
                {
                    await error.WriteLineAsync("peerethics: verify-proof needs the ledger's published key: pass it with --public-key.");
                    return PeerEthicsCommandLine.UsageError;
                }
            }

            CommitmentProof? proof;
            try
            {
                proof = JsonSerializer.Deserialize<CommitmentProof>(await File.ReadAllTextAsync(proofFile.FullName, cancellationToken), JsonSerializerOptions.Web);
            }
            catch (JsonException e)
            {
                await error.WriteLineAsync($"peerethics: {proofFile.Name} is not a proof file: {e.Message}");
                return 1;
            }

            if (proof?.Entry is null || proof.Checkpoint is null || proof.AuditPath is null)
            {
                await error.WriteLineAsync($"peerethics: {proofFile.Name} is not a proof file: it lacks the entry, the checkpoint or the audit path.");
                return 1;
            }

            var problems = CommitmentProofVerifier.Problems(proof, trusted);
            if (problems.Count == 0)
            {
                await output.WriteLineAsync($"The proof is valid: entry {proof.Entry.Sequence} is in the ledger of {proof.TreeSize} entries whose checkpoint is signed by key {trusted.KeyId}.");
                return 0;
            }

            await error.WriteLineAsync($"peerethics: the proof is not valid: {string.Join("; ", problems)}.");
            return 1;
        });
        return command;
    }

    private static async Task<int> ReportAsync(LedgerVerification result, LedgerPublicKey? key, TextWriter output, TextWriter error)
    {
        if (result.Intact)
        {
            await output.WriteLineAsync(result.Entries == 0
                ? "The commitment ledger is empty: nothing to verify."
                : $"The commitment ledger is intact: {result.Entries} entries, head {result.HeadHash}, Merkle root {result.MerkleRoot}; {result.CheckpointsChecked} checkpoints signed by key {key?.KeyId}.");
            return 0;
        }

        await error.WriteLineAsync(result.FirstBadSequence is { } sequence
            ? $"peerethics: the commitment ledger is broken at entry {sequence}: {result.Problem}. The entries before it verify."
            : $"peerethics: the commitment ledger is broken at checkpoint {result.BadCheckpointSize}: {result.Problem}.");
        return 1;
    }

    private static async Task<LedgerPublicKey?> ReadPublicKeyAsync(string value, TextWriter error, CancellationToken cancellationToken)
    {
        var text = File.Exists(value) ? await File.ReadAllTextAsync(value, cancellationToken) : value;
        var key = LedgerPublicKey.Parse(text);
        if (key is null)
        {
            await error.WriteLineAsync($"peerethics: --public-key: '{(value.Length > 60 ? value[..60] + "…" : value)}' is neither a file holding the key nor an Ed25519 public key (base64 of 32 bytes, or PEM).");
        }

        return key;
    }
}
