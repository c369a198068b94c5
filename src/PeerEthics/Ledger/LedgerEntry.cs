namespace PeerEthics.Ledger;

/// <summary>
/// One entry of the append-only commitment ledger. <see cref="Payload"/> is canonical JSON
/// (<see cref="CanonicalJson"/>); the entry is chained to the one before by <see cref="PreviousHash"/> and sealed
/// by <see cref="Hash"/>, the SHA-256 of its canonical form (<see cref="LedgerChain.Canonical(LedgerEntry)"/>).
/// Immutable: the DbContext refuses to update or delete it.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }

    /// <summary>1, 2, 3… without gaps; the entry's leaf index in the Merkle tree is <c>Sequence - 1</c>.</summary>
    public long Sequence { get; set; }

    /// <summary>When the ledger recorded it: UTC, whole microseconds.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What the payload is: <see cref="LedgerEntryKinds.Commitment"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The commitment id inside the payload, kept as a column to find the entry by it. Not hashed: the verifier checks it equals the payload's.</summary>
    public required string CommitmentId { get; set; }

    public required string Payload { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    /// <summary>The key a retried append is recognised by (unique). Not hashed and not exported.</summary>
    public string? IdempotencyKey { get; set; }
}

public static class LedgerEntryKinds
{
    public const string Commitment = "commitment";
}

/// <summary>
/// A signed statement of the ledger's state: its size, the hash of its last entry and the RFC 6962 Merkle root
/// over its entries, at a time, signed with Ed25519 by the ledger key <see cref="KeyId"/>. One is made with every
/// append, so every entry is covered by a checkpoint the moment it exists.
/// </summary>
public sealed class LedgerCheckpoint
{
    public long Id { get; set; }

    /// <summary>How many entries the checkpoint covers (entries 1 to <see cref="Size"/>).</summary>
    public long Size { get; set; }

    public required string HeadHash { get; set; }

    public required string MerkleRoot { get; set; }

    public DateTimeOffset At { get; set; }

    public required string KeyId { get; set; }

    /// <summary>Base64 Ed25519 signature of <see cref="LedgerChain.Statement(LedgerCheckpoint)"/>.</summary>
    public required string Signature { get; set; }

    /// <summary>
    /// The roots of the perfect subtrees the tree of this size splits into (hex, separated by spaces), so the
    /// next append computes its root without reading every entry. Not signed: a wrong frontier makes the next
    /// root wrong, which the verifier catches.
    /// </summary>
    public string Frontier { get; set; } = "";
}
