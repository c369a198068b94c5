using System.Text;

namespace PeerEthics.Codes.Import;

/// <summary>
/// One logical line of a code document after normalization: every run of whitespace (NBSP and the other
/// Unicode spaces included) is one ASCII space, leading and trailing whitespace is gone. <see cref="Number"/>
/// is the 1-based line an editor would show; <see cref="Indent"/> the leading whitespace that was removed
/// (a tab counts 4), which tells nested bullets and indented continuation paragraphs apart.
/// </summary>
internal readonly record struct SourceLine(int Number, string Text, int Indent)
{
    public bool IsBlank => Text.Length == 0;
}

/// <summary>
/// Splits a source into <see cref="SourceLine"/>s. This is the single definition of "the words of the source":
/// a word is a maximal run of characters that are not <see cref="char.IsWhiteSpace(char)"/>, once byte-order
/// marks are removed. Nothing else is changed: curly quotes, dashes and ellipses stay as printed.
/// </summary>
internal static class SourceLines
{
    private const char ByteOrderMark = '\uFEFF';

    public static List<SourceLine> Split(string source)
    {
        // Sized once: for a large document this list is on the large-object heap, where regrowing is costly.
        var span = source.AsSpan();
        var lines = new List<SourceLine>(Math.Max(span.Count('\n'), span.Count('\r')) + span.Count('\f') + 2);
        var text = new StringBuilder(256);
        var number = 1;
        var indent = 0;
        var atStart = true;
        var pendingSpace = false;

        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case ByteOrderMark:
                    // A BOM is an encoding artefact, not a printed character; concatenated files leave them mid-text.
                    continue;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
                    {
                        i++;
                    }

                    EndLine();
                    number++;
                    continue;
                case '\f' or '\u2029':
                    // A page break or paragraph separator separates paragraphs, like a blank line, but editors
                    // do not count it as a new line, so the line number stays.
                    EndLine();
                    lines.Add(new SourceLine(number, "", 0));
                    continue;
                case '\v' or '\u2028' or '\u0085':
                    EndLine();
                    continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (atStart)
                {
                    indent += c == '\t' ? 4 : 1;
                }
                else
                {
                    pendingSpace = true;
                }

                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            atStart = false;
            text.Append(c);
        }

        EndLine();
        return lines;

        void EndLine()
        {
            lines.Add(new SourceLine(number, text.ToString(), text.Length == 0 ? 0 : indent));
            text.Clear();
            indent = 0;
            atStart = true;
            pendingSpace = false;
        }
    }
}
