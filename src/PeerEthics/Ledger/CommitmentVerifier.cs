using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;

namespace PeerEthics.Ledger;

/// <summary>What a commitment says was signed, for people to read.</summary>
public sealed record SignedCommitment(
    string Name,
    string Program,
    string? ProgramName,
    string Code,
    string? CodeTitle,
    int CodeVersion,
    string CodeHash,
    string Pledge,
    DateTimeOffset SignedAt,
    long Sequence,
    DateTimeOffset RecordedAt);

/// <summary>One check and what it found, in plain words.</summary>
public sealed record VerificationCheck(string Check, bool Passed, string Explanation);

/// <summary>The answer of <c>GET /api/commitments/{id}/verification</c> and the <c>/verify/{id}</c> page.</summary>
public sealed record CommitmentVerification(
    string CommitmentId,
    bool Valid,
    SignedCommitment Commitment,
    IReadOnlyList<VerificationCheck> Checks,
    CommitmentProof? Proof,
    PublishedKey PublicKey);

/// <summary>
/// Verifies one commitment against the live ledger: the entry itself, the chain up to the latest checkpoint,
/// that checkpoint's signature, the entry's inclusion in the checkpoint's Merkle tree, and that the code
/// version named is the one published with that content hash. Reads the whole ledger (one pass of hashing):
/// fine for the thousands of commitments a program has.
/// </summary>
public sealed class CommitmentVerifier(PeerEthicsDb db, LedgerSigningKey key)
{
    public const string EntryCheck = "entry";
    public const string ChainCheck = "chain";
    public const string CheckpointCheck = "checkpoint";
    public const string InclusionCheck = "inclusion";
    public const string CodeVersionCheck = "code-version";

    public async Task<CommitmentVerification?> VerifyAsync(string commitmentId, CancellationToken cancellationToken = default)
    {
        if (!CommitmentRecord.IsId(commitmentId))
        {
            return null;
        }

        var entry = await db.LedgerEntries.AsNoTracking().FirstOrDefaultAsync(e => e.CommitmentId == commitmentId, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var record = CommitmentRecord.FromPayload(entry.Payload);
        var checks = new List<VerificationCheck>();

        var entryIntact = record?.CommitmentId == commitmentId && LedgerChain.ComputeHash(entry) == entry.Hash;
        checks.Add(new VerificationCheck(EntryCheck, entryIntact, entryIntact
            ? "The commitment is recorded exactly as it was signed: its content matches its fingerprint (SHA-256 hash)."
            : "The commitment's record was changed after it was signed: its content no longer matches its fingerprint."));

        // The ledger is read once: the chain is checked up to the latest checkpoint (one signature check), and the
        // inclusion proof is built from the same entries. The checkpoint is read first: entries are only ever
        // appended, so the entries read after it include every one it covers.
        var publicKey = key.Public;
        var latest = await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(cancellationToken);
        var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var chain = LedgerVerifier.Verify(entries, latest is null ? [] : [latest], publicKey);
        var signatureValid = latest is not null && latest.KeyId == publicKey.KeyId && publicKey.Verify(LedgerChain.Statement(latest), latest.Signature);
        var chainIntact = chain.Intact || (chain.BadCheckpointSize is not null && chain.FirstBadSequence is null);
        checks.Add(new VerificationCheck(ChainCheck, chainIntact && latest is not null, latest is null
            ? "The ledger has no signed checkpoint yet, so it cannot be checked."
            : chainIntact
                ? $"The ledger is unbroken from its first entry to its latest checkpoint ({Entries(latest.Size)}): no entry was changed, removed or reordered."
                : $"The ledger is broken: {chain.Problem}."));
        checks.Add(new VerificationCheck(CheckpointCheck, signatureValid, signatureValid
            ? $"The latest checkpoint ({Entries(latest!.Size)}, {latest.At.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)}) is signed by the ledger's key {publicKey.KeyId}."
            : latest is null
                ? "There is no signed checkpoint."
                : $"The latest checkpoint is not validly signed by the ledger's key {publicKey.KeyId}."));

        CommitmentProof? proof = null;
        var included = false;
        if (latest is not null && entry.Sequence <= latest.Size)
        {
            var leaves = entries.Where(e => e.Sequence <= latest.Size).Select(e => MerkleTree.LeafHash(e.Hash)).ToList();
            if (leaves.Count == latest.Size)
            {
                var path = MerkleTree.AuditPath(leaves, (int)entry.Sequence - 1, leaves.Count).Select(Convert.ToHexStringLower).ToList();
                proof = new CommitmentProof(CommitmentProof.FormatName, ProofEntry.From(entry), entry.Sequence - 1, latest.Size, path, ProofCheckpoint.From(latest), latest.KeyId);
                included = CommitmentProofVerifier.Problems(proof, publicKey).Count == 0;
            }
        }

        checks.Add(new VerificationCheck(InclusionCheck, included, included
            ? $"The commitment is entry {entry.Sequence} of the {Entries(latest!.Size)} the signed checkpoint covers, and its inclusion proof checks out."
            : "The commitment cannot be proven to be part of the signed ledger."));

        var program = record is null ? null : await db.Programs.AsNoTracking().Where(p => p.Slug == record.Program).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        var version = record is null ? null : await db.CodeVersions.AsNoTracking()
            .Where(v => v.Code.Slug == record.Code && v.Number == record.CodeVersion)
            .Select(v => new { v.Title, v.ContentHash })
            .FirstOrDefaultAsync(cancellationToken);
        var codeMatches = version is not null && version.ContentHash == record!.CodeHash;
        checks.Add(new VerificationCheck(CodeVersionCheck, codeMatches, codeMatches
            ? $"The code signed, version {record!.CodeVersion} of {version!.Title}, is published here with the same content hash."
            : version is null
                ? "The code version the commitment names is not published here."
                : "The code version the commitment names has a different content hash here than the one signed."));

        var signed = new SignedCommitment(
            record?.TypedName ?? "", record?.Program ?? "", program, record?.Code ?? "", version?.Title, record?.CodeVersion ?? 0,
            record?.CodeHash ?? "", record?.PledgeText ?? "", record?.SignedAt ?? entry.At, entry.Sequence, entry.At);
        return new CommitmentVerification(commitmentId, checks.All(c => c.Passed), signed, checks, proof, PublishedKey.From(publicKey));
    }

    private static string Entries(long count) => count == 1 ? "1 entry" : $"{count} entries";
}
