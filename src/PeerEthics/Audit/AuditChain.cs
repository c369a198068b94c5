using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PeerEthics.Audit;

/// <summary>The hash chain of the audit trail: how an entry's canonical form and hash are computed.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// One line per field, in a fixed order, each prefixed by its name; values have line breaks escaped so
    /// no two different entries share a canonical form.
    /// </summary>
    public static string Canonical(AuditEntry entry) => string.Join('\n',
        "peerethics-audit-v1",
        $"sequence={entry.Sequence.ToString(CultureInfo.InvariantCulture)}",
        $"at={entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}",
        $"actor={Escape(entry.Actor)}",
        $"actor-name={Escape(entry.ActorName)}",
        $"action={Escape(entry.Action)}",
        $"object={Escape(entry.Target)}",
        $"outcome={Escape(entry.Outcome)}",
        $"detail={Escape(entry.Detail)}",
        $"previous={entry.PreviousHash}");

    public static string ComputeHash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry))));

    /// <summary>Truncates to whole microseconds: PostgreSQL keeps no finer, and the hash must survive a round trip.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    private static string Escape(string? value) =>
        value is null ? "\u2400" : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
