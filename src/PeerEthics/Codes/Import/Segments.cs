namespace PeerEthics.Codes.Import;

internal enum SegmentKind
{
    Plain,

    /// <summary>Starts with an accepted label.</summary>
    Item,
    Title,
}

/// <summary>
/// A run of consecutive non-blank lines (<see cref="Start"/> to <see cref="End"/>, inclusive line indices)
/// that the assembler treats as one unit. Paragraphs are cut before every accepted label, so an item segment
/// is a label line and its wrapped continuation. <see cref="BlankBefore"/> is false when the segment was split
/// off the one before it without a blank line between.
/// </summary>
internal readonly record struct Segment(int Start, int End, bool BlankBefore, SegmentKind Kind)
{
    public bool IsItem => Kind == SegmentKind.Item;

    public int LineCount => End - Start + 1;
}

/// <summary>
/// Cuts the normalized lines into <see cref="Segment"/>s and makes the local decisions that do not need the
/// whole document: which first line is the title; where a heading, lead-in, pledge or page number printed
/// straight after an item (no blank line) stops belonging to that item; which paragraphs are page furniture
/// or have the shape of an unnumbered, headed principle.
/// </summary>
internal static class Segments
{
    public static List<Segment> Build(IReadOnlyList<SourceLine> lines, AcceptedLabel?[] labels)
    {
        var raw = new List<Segment>();
        var start = -1;
        var blankBefore = true;
        for (var i = 0; i <= lines.Count; i++)
        {
            var blank = i == lines.Count || lines[i].IsBlank;
            if (start >= 0 && (blank || labels[i] is not null))
            {
                raw.Add(new Segment(start, i - 1, blankBefore, labels[start] is not null ? SegmentKind.Item : SegmentKind.Plain));
                blankBefore = false;
                start = -1;
            }

            if (blank)
            {
                blankBefore = true;
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        var segments = new List<Segment>(raw.Count + 8);
        for (var k = 0; k < raw.Count; k++)
        {
            var segment = raw[k];
            if (k == 0 && segment.Kind == SegmentKind.Plain)
            {
                segment = SplitTitle(lines, segment, raw.Count > 1 ? raw[1] : null, segments);
                if (segment.Start > segment.End)
                {
                    continue;
                }
            }

            if (segment.IsItem && SplitPoint(lines, labels, raw, k) is { } split)
            {
                segments.Add(segment with { End = split - 1 });
                segments.Add(new Segment(split, segment.End, false, SegmentKind.Plain));
                continue;
            }

            segments.Add(segment);
        }

        return segments;
    }

    /// <summary>A title is a name, not a sentence: at most twenty words, not ending like prose, not a blank form.</summary>
    public static bool IsTitleLike(string text)
    {
        var words = TextShape.CountWords(text);
        return words <= 20 && text.Length <= 200 && !text.EndsWith(':') && !TextShape.HasBlank(text)
            && !TextShape.IsPageMarker(text) && TextShape.HasLetterOrDigit(text)
            && (!TextShape.EndsSentence(text) || words <= 8);
    }

    /// <summary>
    /// A short heading followed by prose, in the same paragraph or the next: in a document without numbered
    /// items, the shape of an unnumbered principle ("Confidentiality" / "Peer specialists keep…").
    /// </summary>
    public static bool IsHeadedCandidate(IReadOnlyList<SourceLine> lines, List<Segment> segments, int k)
    {
        var segment = segments[k];
        var first = lines[segment.Start].Text;
        if (segment.Kind != SegmentKind.Plain || !TextShape.IsHeadingLike(first) || TextShape.IsFrontMatterHeading(first)
            || PledgeReader.IsPledgeHeading(first) || TextShape.IsPageMarker(first) || RevisionReader.IsRevisionLine(first))
        {
            return false;
        }

        if (segment.LineCount > 1)
        {
            var second = lines[segment.Start + 1].Text;
            return !TextShape.IsHeadingLike(second) && !PledgeReader.IsStartLine(second) && !PledgeReader.IsSignatureLine(second);
        }

        if (k + 1 >= segments.Count || segments[k + 1].Kind != SegmentKind.Plain)
        {
            return false;
        }

        var body = segments[k + 1];
        var bodyFirst = lines[body.Start].Text;
        return !TextShape.IsHeadingLike(bodyFirst) && !bodyFirst.EndsWith(':') && !AllPageMarkers(lines, body)
            && !PledgeReader.StartsPledge(lines, body) && !RevisionReader.IsRevisionLine(bodyFirst);
    }


    public static bool AllPageMarkers(IReadOnlyList<SourceLine> lines, Segment segment)
    {
        for (var i = segment.Start; i <= segment.End; i++)
        {
            if (!TextShape.IsPageMarker(lines[i].Text))
            {
                return false;
            }
        }

        return true;
    }


    private static Segment SplitTitle(IReadOnlyList<SourceLine> lines, Segment first, Segment? next, List<Segment> segments)
    {
        if (!IsTitleLike(lines[first.Start].Text))
        {
            return first;
        }

        // A title printed over two or three short lines ("Missouri Department of Mental Health" / "Code of
        // Ethics") is one title, but only when the whole paragraph is headings standing on their own.
        var end = first.Start;
        if (first.LineCount is 2 or 3 && next is not { BlankBefore: false })
        {
            var allHeadings = true;
            for (var i = first.Start + 1; i <= first.End; i++)
            {
                // "Effective January 1, 2016" under the title is history, not more title.
                allHeadings &= TextShape.IsHeadingLike(lines[i].Text) && !RevisionReader.IsRevisionLine(lines[i].Text);
            }

            end = allHeadings ? first.End : end;
        }

        segments.Add(new Segment(first.Start, end, first.BlankBefore, SegmentKind.Title));
        return new Segment(end + 1, first.End, false, SegmentKind.Plain);
    }

    // Where the wrapped continuation of an item stops being the item: at a pledge, a signature line, a revision
    // line or a trailing page number, or at a heading/lead-in that introduces the next item of the same list.
    // Only after a finished sentence, so a wrapped clause is never cut.
    private static int? SplitPoint(IReadOnlyList<SourceLine> lines, AcceptedLabel?[] labels, List<Segment> raw, int k)
    {
        var segment = raw[k];
        for (var j = segment.Start + 1; j <= segment.End; j++)
        {
            if (!TextShape.EndsSentence(lines[j - 1].Text))
            {
                continue;
            }

            var text = lines[j].Text;
            if (PledgeReader.IsStartLine(text) || PledgeReader.IsSignatureLine(text) || RevisionReader.IsRevisionLine(text)
                || (j == segment.End && TextShape.IsPageMarker(text)))
            {
                return j;
            }

            if (IntroducesNextItem(lines, labels, raw, k, j))
            {
                return j;
            }
        }

        return null;
    }

    private static bool IntroducesNextItem(IReadOnlyList<SourceLine> lines, AcceptedLabel?[] labels, List<Segment> raw, int k, int from)
    {
        var segment = raw[k];
        if (k + 1 >= raw.Count || !raw[k + 1].IsItem || segment.End - from > 3)
        {
            return false;
        }

        var text = lines[from].Text;
        var last = lines[segment.End].Text;
        var heading = TextShape.IsHeadingLike(text) || TextShape.IsCapitalsHeading(text);
        if (!heading && !last.EndsWith(':'))
        {
            return false;
        }

        // A lead-in for this item's own sub-items ("… will not:" then "a.") stays part of the item.
        return heading || labels[raw[k + 1].Start]!.Depth <= labels[segment.Start]!.Depth;
    }
}
