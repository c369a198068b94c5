using System.Text;

namespace PeerEthics.People.Import;

/// <summary>One record of a CSV file: its row as a spreadsheet numbers it (the first record is row 1) and its values.</summary>
public sealed record CsvRecord(int Row, IReadOnlyList<string> Values, IReadOnlyList<CsvFault> Faults)
{
    /// <summary>An empty line, or a row of empty values (spreadsheets save empty rows as <c>,,,</c>).</summary>
    public bool IsBlank => Values.All(v => v.Length == 0) && Faults.Count == 0;

    /// <summary>A quoted value that ran to the end of the file: the rest of the file is in it, so the row cannot be read.</summary>
    public bool Unclosed => Faults.Any(f => f.Kind == CsvFaultKind.UnclosedQuote);
}

public enum CsvFaultKind
{
    /// <summary>A quote mark inside a value that does not start with one (<c>O"Brien</c>).</summary>
    QuoteInUnquotedValue,

    /// <summary>Something after a quoted value's closing quote (<c>"Boston" MA</c>).</summary>
    TextAfterClosingQuote,

    /// <summary>A quoted value with no closing quote.</summary>
    UnclosedQuote,
}

/// <summary>A place where a record breaks RFC 4180, by the value's position in the record (0-based).</summary>
public sealed record CsvFault(int Value, CsvFaultKind Kind);

/// <summary>
/// Reads CSV as RFC 4180 defines it, as spreadsheets write it: values separated by commas; records by CRLF, LF or
/// CR; a value in double quotes may hold commas, line breaks and doubled quote marks (<c>""</c>). A line break
/// inside quotes stays in the value and the record keeps one row number, as a spreadsheet shows it. A final line
/// break ends the last record rather than starting an empty one.
/// </summary>
/// <remarks>
/// Written here rather than taken from CsvHelper because an import must say exactly where a file breaks the
/// format — which value of which row has a stray quote, which row a never-closed quote began in — and keep
/// reading to report every problem at once; CsvHelper's bad-data callback reports the raw text but not which
/// value it is. What cannot be read strictly is kept as written and marked with a <see cref="CsvFault"/>.
/// </remarks>
public static class CsvTable
{
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        var records = new List<CsvRecord>();
        var values = new List<string>();
        var faults = new List<CsvFault>();
        var value = new StringBuilder();
        var row = 1;
        var i = 0;
        while (i < text.Length)
        {
            // The start of a value.
            if (text[i] == '"')
            {
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] != '"')
                    {
                        value.Append(text[i++]);
                    }
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        value.Append('"');
                        i += 2;
                    }
                    else
                    {
                        i++;
                        closed = true;
                        break;
                    }
                }

                if (!closed)
                {
                    faults.Add(new CsvFault(values.Count, CsvFaultKind.UnclosedQuote));
                }
                else if (i < text.Length && !IsEnd(text[i]))
                {
                    // Kept as written after the closing quote, so nothing typed is dropped.
                    faults.Add(new CsvFault(values.Count, CsvFaultKind.TextAfterClosingQuote));
                    while (i < text.Length && !IsEnd(text[i]))
                    {
                        value.Append(text[i++]);
                    }
                }
            }
            else
            {
                var stray = false;
                while (i < text.Length && !IsEnd(text[i]))
                {
                    stray |= text[i] == '"';
                    value.Append(text[i++]);
                }

                if (stray)
                {
                    faults.Add(new CsvFault(values.Count, CsvFaultKind.QuoteInUnquotedValue));
                }
            }

            values.Add(value.ToString());
            value.Clear();

            // The end of a value: a comma (another value follows), a line break or the end of the text (the record ends).
            if (i < text.Length && text[i] == ',')
            {
                i++;
                if (i == text.Length)
                {
                    values.Add("");
                }

                continue;
            }

            i += i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n' ? 2 : 1;
            records.Add(new CsvRecord(row++, [.. values], [.. faults]));
            values.Clear();
            faults.Clear();
        }

        if (values.Count > 0)
        {
            records.Add(new CsvRecord(row, [.. values], [.. faults]));
        }

        return records;
    }

    private static bool IsEnd(char c) => c is ',' or '\n' or '\r';

    /// <summary>Writes values as one CSV record (quoted when needed), for samples and tests.</summary>
    public static string Line(IEnumerable<string> values) =>
        string.Join(',', values.Select(v => v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v));
}
