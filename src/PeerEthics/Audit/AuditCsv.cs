using System.Globalization;
using System.Text;
using PeerEthics.Data;

namespace PeerEthics.Audit;

/// <summary>
/// The audit trail as CSV (RFC 4180): one header row, then one row per entry in the order of the chain. Safe to
/// open in a spreadsheet: a cell that begins with <c>= + - @</c>, a tab or a carriage return is prefixed with an
/// apostrophe so it is never read as a formula (OWASP's advice on CSV injection), then quoted as needed.
/// </summary>
public static class AuditCsv
{
    public const string Header = "sequence,at_utc,actor,actor_name,action,object,outcome,detail,previous_hash,hash";

    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        await writer.WriteAsync(Header + "\r\n");
        var rows = 0;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Row(entry));
            // Out to the reader in pieces, not held until the end.
            if (++rows % 200 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Row(AuditEntry entry) => string.Join(',',
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        StoredForm.Time(entry.At),
        Cell(entry.Actor),
        Cell(entry.ActorName),
        Cell(entry.Action),
        Cell(entry.Target),
        Cell(entry.Outcome),
        Cell(entry.Detail),
        entry.PreviousHash,
        entry.Hash) + "\r\n";

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] == ' ' || value[^1] == ' '
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public static string FileName(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"peerethics-audit-{now.UtcDateTime:yyyy-MM-dd}.csv");

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
