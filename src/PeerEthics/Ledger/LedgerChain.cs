using System.Globalization;
using PeerEthics.Data;

namespace PeerEthics.Ledger;

/// <summary>How an entry's hash and a checkpoint's signed statement are computed, in one place.</summary>
public static class LedgerChain
{
    /// <summary>
    /// One line per field, in a fixed order, each prefixed by its name. The payload is canonical JSON, which
    /// holds no line break, so no two different entries share a canonical form.
    /// </summary>
    public static string Canonical(LedgerEntry entry) => Canonical(entry.Sequence, entry.At, entry.Kind, entry.PreviousHash, entry.Payload);

    public static string Canonical(long sequence, DateTimeOffset at, string kind, string previousHash, string payload) => string.Join('\n',
        "peerethics-ledger-entry-v1",
        $"sequence={sequence.ToString(CultureInfo.InvariantCulture)}",
        $"at={CanonicalJson.Time(at)}",
        $"kind={kind}",
        $"previous={previousHash}",
        $"payload={payload}");

    public static string ComputeHash(LedgerEntry entry) => StoredForm.Sha256Hex(Canonical(entry));

    /// <summary>What a checkpoint's signature covers.</summary>
    public static string Statement(LedgerCheckpoint checkpoint) => Statement(checkpoint.Size, checkpoint.HeadHash, checkpoint.MerkleRoot, checkpoint.At, checkpoint.KeyId);

    public static string Statement(long size, string headHash, string merkleRoot, DateTimeOffset at, string keyId) => string.Join('\n',
        "peerethics-ledger-checkpoint-v1",
        $"size={size.ToString(CultureInfo.InvariantCulture)}",
        $"head={headHash}",
        $"root={merkleRoot}",
        $"at={CanonicalJson.Time(at)}",
        $"key={keyId}");

    public static bool IsHash(string? value) => value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
