using System.Text;

namespace PeerEthics.Codes.Import;

/// <summary>
/// An element being assembled: its kind and the line ranges it owns, in order. Ranges that touch are one
/// paragraph (joined by a space); ranges with blank lines between are separate paragraphs (joined by a blank
/// line).
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

/// <summary>
/// The elements of a document as they are assembled. Elements only grow at the end, so they stay in document
/// order and never interleave. A page number is held back until the next text shows whether it interrupts
/// the element before it (then it stays inside, reported) or stands between elements (then it is other text).
/// </summary>
internal sealed class DraftList(IReadOnlyList<SourceLine> lines, List<ImportWarning> warnings)
{
    private readonly List<(int Start, int End)> _heldMarkers = [];

    public List<Draft> Drafts { get; } = [];

    public ElementKind? LastKind => Drafts.Count > 0 ? Drafts[^1].Kind : null;

    /// <summary>Starts a new element and returns its index.</summary>
    public int Start(ElementKind kind, int start, int end)
    {
        FlushPageMarkers();
        var draft = new Draft(kind);
        draft.Add(start, end);
        Drafts.Add(draft);
        return Drafts.Count - 1;
    }

    /// <summary>Adds lines to the last element; <paramref name="principle"/> names it in a warning about a page number inside it.</summary>
    public void Continue(int start, int end, string principle)
    {
        var draft = Drafts[^1];
        foreach (var (markerStart, markerEnd) in _heldMarkers)
        {
            draft.Add(markerStart, markerEnd);
            if (draft.Kind == ElementKind.Principle)
            {
                warnings.Add(new ImportWarning(lines[markerStart].Number, $"A page number interrupts the principle \"{principle}\"; it is kept in its text."));
            }
        }

        _heldMarkers.Clear();
        draft.Add(start, end);
    }

    public void HoldPageMarker(int start, int end) => _heldMarkers.Add((start, end));

    public void FlushPageMarkers()
    {
        foreach (var (start, end) in _heldMarkers)
        {
            var draft = new Draft(ElementKind.OtherText);
            draft.Add(start, end);
            Drafts.Add(draft);
        }

        _heldMarkers.Clear();
    }
}
