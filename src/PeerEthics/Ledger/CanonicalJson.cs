using System.Globalization;
using System.Text;
using System.Text.Json;
using PeerEthics.Data;

namespace PeerEthics.Ledger;

/// <summary>
/// The one JSON form a ledger payload is hashed in, so anyone can recompute a hash from the data alone:
/// object members sorted by key (ordinal, by UTF-16 code units, as RFC 8785 does), no whitespace outside
/// strings, strings escaped only where JSON requires it (<c>"</c>, <c>\</c> and control characters), integers
/// only (no fractions or exponents), UTF-8 bytes. Times inside payloads are strings in <see cref="Time"/> form.
/// </summary>
public static class CanonicalJson
{
    /// <summary>UTC with exactly six fractional digits: what PostgreSQL stores, and what survives a round trip.</summary>
    public static string Time(DateTimeOffset time) => StoredForm.Time(time);

    public static bool TryParseTime(string? text, out DateTimeOffset time) => StoredForm.TryParseTime(text, out time);

    /// <summary>The canonical text of any JSON document; throws <see cref="FormatException"/> on duplicate keys or non-integer numbers.</summary>
    public static string Canonicalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Canonicalize(document.RootElement);
    }

    public static string Canonicalize(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(element, builder);
        return builder.ToString();
    }

    private static void Write(JsonElement element, StringBuilder builder)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().Select(p => (p.Name, p.Value)).ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                for (var i = 1; i < members.Count; i++)
                {
                    if (members[i].Name == members[i - 1].Name)
                    {
                        throw new FormatException($"The key \"{members[i].Name}\" appears twice in one object.");
                    }
                }

                builder.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    WriteString(members[i].Name, builder);
                    builder.Append(':');
                    Write(members[i].Value, builder);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    Write(item, builder);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, builder);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetInt64(out var number))
                {
                    throw new FormatException($"The number {element.GetRawText()} is not a whole number; canonical payloads hold integers only.");
                }

                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(string value, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
