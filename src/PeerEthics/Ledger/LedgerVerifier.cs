using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;

namespace PeerEthics.Ledger;

/// <summary>
/// The result of checking a ledger. <see cref="FirstBadSequence"/> names the first entry that is broken (or
/// missing); <see cref="BadCheckpointSize"/> the checkpoint that does not hold, when one does not.
/// </summary>
public sealed record LedgerVerification(
    long Entries,
    string HeadHash,
    string MerkleRoot,
    int CheckpointsChecked,
    LedgerCheckpoint? LatestCheckpoint,
    long? FirstBadSequence,
    long? BadCheckpointSize,
    string? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// Checks a ledger the same way whether it comes from the database or from an exported file. Every entry, in
/// order: its number follows the one before (a deleted entry), it names the hash of the one before (a removed
/// or reordered entry), its hash matches its content (an edited entry), its payload is canonical JSON with the
/// commitment id it is filed under. Every checkpoint: it is signed by the trusted key, and its head hash and
/// Merkle root are those of the ledger at its size (a chain rewritten from some entry on, hashes and all, no
/// longer matches the signed checkpoints after it). A checkpoint beyond the last entry means entries were cut
/// off the end. Stops at the first problem.
/// </summary>
public static class LedgerVerifier
{
    public static LedgerVerification Verify(IEnumerable<LedgerEntry> entries, IEnumerable<LedgerCheckpoint> checkpoints, LedgerPublicKey? publicKey)
    {
        var pending = checkpoints.OrderBy(c => c.Size).ToList();
        var frontier = new MerkleFrontier();
        var previous = StoredForm.ChainStart;
        long expected = 1;
        long lastGoodCheckpoint = 0;
        var checkedCount = 0;
        LedgerCheckpoint? latest = null;
        var next = 0;

        if (pending.FirstOrDefault(c => c.Size < 1) is { } empty)
        {
            return Broken(null, empty.Size, $"checkpoint of size {empty.Size} covers no entries: checkpoints start at size 1");
        }

        foreach (var entry in entries)
        {
            var problem =
                entry.Sequence != expected ? $"entry {expected} is missing: the entry after {expected - 1} is numbered {entry.Sequence}"
                : entry.PreviousHash != previous ? $"entry {expected} does not follow entry {expected - 1}: an entry was removed or the order changed"
                : LedgerChain.ComputeHash(entry) != entry.Hash ? $"entry {expected} was altered: its content no longer matches its hash"
                : PayloadProblem(entry) is { } payloadProblem ? $"entry {expected} {payloadProblem}"
                : null;
            if (problem is not null)
            {
                return Broken(expected, null, problem);
            }

            frontier.Add(MerkleTree.LeafHash(entry.Hash));
            previous = entry.Hash;
            for (; next < pending.Count && pending[next].Size == expected; next++)
            {
                var checkpoint = pending[next];
                var root = Convert.ToHexStringLower(frontier.Root());
                var checkpointProblem =
                    publicKey is null ? $"checkpoint {checkpoint.Size} cannot be checked: no public key was given"
                    : checkpoint.KeyId != publicKey.KeyId ? $"checkpoint {checkpoint.Size} was signed by key {checkpoint.KeyId}, not by the ledger's published key {publicKey.KeyId}"
                    : !publicKey.Verify(LedgerChain.Statement(checkpoint), checkpoint.Signature) ? $"checkpoint {checkpoint.Size} has a signature that is not valid for key {publicKey.KeyId}: the checkpoint was altered or forged"
                    : checkpoint.HeadHash != entry.Hash || checkpoint.MerkleRoot != root
                        ? $"the ledger no longer matches signed checkpoint {checkpoint.Size}: an entry from {lastGoodCheckpoint + 1} to {checkpoint.Size} was rewritten"
                    : null;
                if (checkpointProblem is not null)
                {
                    var isEntryProblem = publicKey is not null && checkpoint.KeyId == publicKey.KeyId && publicKey.Verify(LedgerChain.Statement(checkpoint), checkpoint.Signature);
                    return Broken(isEntryProblem ? lastGoodCheckpoint + 1 : null, checkpoint.Size, checkpointProblem);
                }

                lastGoodCheckpoint = checkpoint.Size;
                checkedCount++;
                latest = checkpoint;
            }

            expected++;
        }

        if (next < pending.Count)
        {
            var beyond = pending[next];
            return Broken(expected, beyond.Size,
                $"entry {expected} is missing: the ledger ends at entry {expected - 1}, but checkpoint {beyond.Size} covers {beyond.Size} entries");
        }

        return new LedgerVerification(expected - 1, previous, Convert.ToHexStringLower(frontier.Root()), checkedCount, latest, null, null, null);

        LedgerVerification Broken(long? sequence, long? checkpointSize, string problem) =>
            new(expected - 1, previous, Convert.ToHexStringLower(frontier.Root()), checkedCount, latest, sequence, checkpointSize, problem);
    }

    /// <summary>Checks the whole ledger in the database: every entry and every checkpoint.</summary>
    public static async Task<LedgerVerification> VerifyAsync(PeerEthicsDb db, LedgerPublicKey? publicKey, CancellationToken cancellationToken = default)
    {
        var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var checkpoints = await db.LedgerCheckpoints.AsNoTracking().OrderBy(c => c.Size).ToListAsync(cancellationToken);
        return Verify(entries, checkpoints, publicKey);
    }

    private static string? PayloadProblem(LedgerEntry entry)
    {
        string canonical;
        try
        {
            canonical = CanonicalJson.Canonicalize(entry.Payload);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            return "has a payload that is not valid JSON";
        }

        if (canonical != entry.Payload)
        {
            return "has a payload that is not in canonical form";
        }

        if (entry.Kind == LedgerEntryKinds.Commitment && CommitmentRecord.FromPayload(entry.Payload)?.CommitmentId != entry.CommitmentId)
        {
            return $"is filed under commitment {entry.CommitmentId}, but its payload records another";
        }

        return null;
    }
}
