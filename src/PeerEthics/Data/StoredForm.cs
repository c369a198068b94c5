using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PeerEthics.Data;

/// <summary>
/// The building blocks the app's tamper-evident records share (the audit trail, the commitment ledger, rule
/// sets, stored token digests): SHA-256 of text, the first link of a hash chain, and time as it is stored and
/// hashed. Each record keeps its own versioned canonical form; only these pieces are common.
/// </summary>
public static class StoredForm
{
    private const string MicrosecondsUtc = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The previous hash of the first entry of a chain.</summary>
    public static readonly string ChainStart = new('0', 64);

    /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="text"/>, in lower-case hex.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Truncates to whole microseconds: PostgreSQL keeps no finer, and a hash must survive a round trip.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>UTC with exactly six fractional digits (finer ticks are cut, as in storage).</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString(MicrosecondsUtc, CultureInfo.InvariantCulture);

    public static bool TryParseTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, MicrosecondsUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
