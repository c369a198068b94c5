using System.Text.RegularExpressions;

namespace PeerEthics.Codes.Import;

/// <summary>Reads a code of ethics published as plain text into a <see cref="ParsedCode"/>. Never throws on content.</summary>
public static partial class CodeDocumentParser
{
    // First cut: title is the first non-blank line, principles are lines starting "N.". The full reader
    // (sections, lead-ins, pledge, revisions, lossless accounting) replaces this.
    public static ParsedCode Parse(string source)
    {
        var lines = source.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? title = null;
        var principles = new List<ParsedPrinciple>();
        var other = new List<string>();
        var elements = new List<CodeElement>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (title is null)
            {
                title = line;
                elements.Add(new CodeElement(ElementKind.Title, line, i + 1));
            }
            else if (NumberedItem().Match(line) is { Success: true } match)
            {
                principles.Add(new ParsedPrinciple(match.Groups[1].Value, false, match.Groups[2].Value, null, null, null, i + 1));
                elements.Add(new CodeElement(ElementKind.Principle, line, i + 1));
            }
            else
            {
                other.Add(line);
                elements.Add(new CodeElement(ElementKind.OtherText, line, i + 1));
            }
        }

        return new ParsedCode(title, null, [], [], principles, null, [], [], other, [], elements);
    }

    [GeneratedRegex(@"^(\d+\.)\s+(.*)$")]
    private static partial Regex NumberedItem();
}
