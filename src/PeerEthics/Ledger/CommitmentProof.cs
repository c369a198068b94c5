using System.Text.Json;
using PeerEthics.Data;

namespace PeerEthics.Ledger;

public sealed record ProofEntry(long Sequence, string At, string Kind, string PreviousHash, string Hash, JsonElement Payload)
{
    public static ProofEntry From(LedgerEntry entry)
    {
        using var payload = JsonDocument.Parse(entry.Payload);
        return new ProofEntry(entry.Sequence, CanonicalJson.Time(entry.At), entry.Kind, entry.PreviousHash, entry.Hash, payload.RootElement.Clone());
    }
}

public sealed record ProofCheckpoint(long Size, string HeadHash, string MerkleRoot, string At, string KeyId, string Signature)
{
    public static ProofCheckpoint From(LedgerCheckpoint c) => new(c.Size, c.HeadHash, c.MerkleRoot, CanonicalJson.Time(c.At), c.KeyId, c.Signature);
}

/// <summary>The ledger's public key as published: <c>GET /api/ledger/public-key</c>.</summary>
public sealed record PublishedKey(string KeyId, string Algorithm, string PublicKey, string Pem)
{
    public static PublishedKey From(LedgerPublicKey key) => new(key.KeyId, "Ed25519", key.Base64, key.Pem);
}

/// <summary>
/// What a signer keeps to prove their commitment without the server: the entry (its payload as signed), its
/// RFC 6962 audit path into the tree of the checkpoint's size, the signed checkpoint, and the key id.
/// Checked by <see cref="CommitmentProofVerifier"/> or <c>peerethics commitments verify-proof</c>.
/// </summary>
public sealed record CommitmentProof(string Format, ProofEntry Entry, long LeafIndex, long TreeSize, IReadOnlyList<string> AuditPath, ProofCheckpoint Checkpoint, string KeyId)
{
    public const string FormatName = "peerethics-commitment-proof/1";
}

/// <summary>Checks a <see cref="CommitmentProof"/> offline, against a public key the checker trusts.</summary>
public static class CommitmentProofVerifier
{
    /// <summary>What is wrong with the proof, in order; empty when it proves the entry is in the signed ledger.</summary>
    public static IReadOnlyList<string> Problems(CommitmentProof proof, LedgerPublicKey publicKey)
    {
        var problems = new List<string>();
        if (proof.Format != CommitmentProof.FormatName)
        {
            return [$"this is not a {CommitmentProof.FormatName} proof"];
        }

        var e = proof.Entry;
        string payload;
        try
        {
            payload = CanonicalJson.Canonicalize(e.Payload);
        }
        catch (FormatException ex)
        {
            return [$"the entry's payload cannot be read: {ex.Message}"];
        }

        if (!CanonicalJson.TryParseTime(e.At, out var at) || StoredForm.Sha256Hex(LedgerChain.Canonical(e.Sequence, at, e.Kind, e.PreviousHash, payload)) != e.Hash)
        {
            problems.Add($"the entry was altered: its content no longer matches its hash");
        }

        var c = proof.Checkpoint;
        if (c.KeyId != publicKey.KeyId)
        {
            problems.Add($"the checkpoint was signed by key {c.KeyId}, not by the ledger's published key {publicKey.KeyId}");
        }
        else if (!CanonicalJson.TryParseTime(c.At, out var checkpointAt) || !publicKey.Verify(LedgerChain.Statement(c.Size, c.HeadHash, c.MerkleRoot, checkpointAt, c.KeyId), c.Signature))
        {
            problems.Add($"the checkpoint's signature is not valid for key {publicKey.KeyId}");
        }

        if (proof.LeafIndex != e.Sequence - 1 || proof.TreeSize != c.Size)
        {
            problems.Add("the proof's position or tree size does not match the entry and the checkpoint");
        }
        else if (!LedgerChain.IsHash(e.Hash) || !LedgerChain.IsHash(c.MerkleRoot) || !proof.AuditPath.All(LedgerChain.IsHash)
            || !MerkleTree.VerifyInclusion(proof.LeafIndex, proof.TreeSize, MerkleTree.LeafHash(e.Hash), [.. proof.AuditPath.Select(Convert.FromHexString)], Convert.FromHexString(c.MerkleRoot)))
        {
            problems.Add($"the audit path does not lead from entry {e.Sequence} to the checkpoint's Merkle root");
        }

        return problems;
    }
}
