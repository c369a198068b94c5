using System.Text;

namespace PeerEthics.Codes.Import;

/// <summary>
/// An element being assembled: its kind and the line ranges it owns, in order. Ranges that touch are one
/// paragraph (joined by a space); ranges with blank lines between are separate paragraphs (joined by a blank
/// line). Elements only ever grow at the end, so they stay in document order and never interleave.
/// </summary>
internal sealed class Draft(ElementKind kind)
{
    public ElementKind Kind { get; } = kind;

    public List<(int Start, int End)> Ranges { get; } = [];

    public int FirstLine => Ranges[0].Start;

    public void Add(int start, int end)
    {
        if (Ranges.Count > 0 && Ranges[^1].End + 1 == start)
        {
            Ranges[^1] = (Ranges[^1].Start, end);
        }
        else
        {
            Ranges.Add((start, end));
        }
    }

    public string Text(IReadOnlyList<SourceLine> lines, StringBuilder buffer)
    {
        buffer.Clear();
        foreach (var (start, end) in Ranges)
        {
            if (buffer.Length > 0)
            {
                buffer.Append("\n\n");
            }

            for (var i = start; i <= end; i++)
            {
                if (i > start)
                {
                    buffer.Append(' ');
                }

                buffer.Append(lines[i].Text);
            }
        }

        return buffer.ToString();
    }
}

/// <summary>
/// A principle being assembled. <see cref="LabelLength"/> is how many characters of the element text are the
/// printed label (or, for a headed principle, the heading), so the principle's text is what follows it.
/// </summary>
internal sealed class PrincipleDraft(int draft, string label, bool synthesized, int labelLength, int labelLine)
{
    public int Draft { get; } = draft;
    public string Label { get; } = label;
    public bool Synthesized { get; } = synthesized;
    public int LabelLength { get; } = labelLength;
    public int LabelLine { get; } = labelLine;
    public int Section { get; init; } = -1;
    public int LeadIn { get; init; } = -1;
    public int ParentLine { get; init; } = -1;
}
