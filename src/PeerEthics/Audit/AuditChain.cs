using System.Globalization;
using PeerEthics.Data;

namespace PeerEthics.Audit;

/// <summary>The hash chain of the audit trail: how an entry's canonical form and hash are computed.</summary>
public static class AuditChain
{
    /// <summary>
    /// One line per field, in a fixed order, each prefixed by its name; values have line breaks escaped so
    /// no two different entries share a canonical form.
    /// </summary>
    public static string Canonical(AuditEntry entry) => string.Join('\n',
        "peerethics-audit-v1",
        $"sequence={entry.Sequence.ToString(CultureInfo.InvariantCulture)}",
        $"at={StoredForm.Time(entry.At)}",
        $"actor={Escape(entry.Actor)}",
        $"actor-name={Escape(entry.ActorName)}",
        $"action={Escape(entry.Action)}",
        $"object={Escape(entry.Target)}",
        $"outcome={Escape(entry.Outcome)}",
        $"detail={Escape(entry.Detail)}",
        $"previous={entry.PreviousHash}");

    public static string ComputeHash(AuditEntry entry) => StoredForm.Sha256Hex(Canonical(entry));

    private static string Escape(string? value) =>
        value is null ? "\u2400" : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
