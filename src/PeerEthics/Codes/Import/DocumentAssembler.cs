namespace PeerEthics.Codes.Import;

/// <summary>What the assembler made of a document: its elements in order, and which of them are principles.</summary>
internal sealed record Assembly(List<Draft> Drafts, List<PrincipleDraft> Principles);

/// <summary>
/// Gives every segment of a document its part — title, preamble, section heading, lead-in, principle, pledge,
/// revision note or other text — in one pass, in document order, looking ahead at most a few segments.
/// The rules a careful reader follows:
/// <list type="bullet">
/// <item>text before the first principle is preamble, unless it is a revision note, a heading or lead-in that
/// introduces principles, or the pledge;</item>
/// <item>a paragraph between item n and item n+1 belongs to item n; after the last item, only text that reads
/// as its continuation does, the rest is other text and is reported;</item>
/// <item>a short heading followed by items is a section; one followed by prose, when the document has no
/// numbered items, names an unnumbered principle;</item>
/// <item>page numbers are other text, unless they interrupt a principle, which keeps them (and is reported).</item>
/// </list>
/// </summary>
internal sealed class DocumentAssembler
{
    private const int LookAhead = 4;

    private readonly IReadOnlyList<SourceLine> _lines;
    private readonly AcceptedLabel?[] _labels;
    private readonly List<Segment> _segments;
    private readonly List<ImportWarning> _warnings;
    private readonly bool[] _headed;
    private readonly bool _headedMode;
    private readonly int[] _nextPrinciple;

    private readonly DraftList _drafts;
    private readonly List<PrincipleDraft> _principles = [];
    private int _section = -1;
    private int _leadIn = -1;
    private bool _inPledge;
    private bool _awaitingHeadedBody;

    private DocumentAssembler(IReadOnlyList<SourceLine> lines, AcceptedLabel?[] labels, List<ImportWarning> warnings)
    {
        _lines = lines;
        _labels = labels;
        _warnings = warnings;
        _drafts = new DraftList(lines, warnings);
        _segments = Segments.Build(lines, labels);
        _headed = new bool[_segments.Count];
        var anyItem = false;
        var headedCount = 0;
        for (var k = 0; k < _segments.Count; k++)
        {
            anyItem |= _segments[k].IsItem;
        }

        for (var k = 0; k < _segments.Count && !anyItem; k++)
        {
            _headed[k] = Segments.IsHeadedCandidate(lines, _segments, k);
            headedCount += _headed[k] ? 1 : 0;
        }

        // Unnumbered headed principles only when the document has no numbered ones and at least two of them,
        // so a single "Our Mission" paragraph stays preamble.
        _headedMode = headedCount >= 2;
        _nextPrinciple = new int[_segments.Count];
        var next = -1;
        for (var k = _segments.Count - 1; k >= 0; k--)
        {
            _nextPrinciple[k] = next;
            if (StartsPrinciple(k))
            {
                next = k;
            }
        }
    }

    public static Assembly Assemble(IReadOnlyList<SourceLine> lines, AcceptedLabel?[] labels, List<ImportWarning> warnings)
    {
        var assembler = new DocumentAssembler(lines, labels, warnings);
        assembler.Run();
        return new Assembly(assembler._drafts.Drafts, assembler._principles);
    }

    private void Run()
    {
        if (_segments.Count == 0)
        {
            Warn(0, "The document is empty.");
            return;
        }

        if (_segments[0].Kind != SegmentKind.Title)
        {
            Warn(_segments[0].Start, "No title: the first line should name the code.");
        }

        for (var k = 0; k < _segments.Count; k++)
        {
            var segment = _segments[k];
            if (segment.Kind == SegmentKind.Title)
            {
                NewDraft(ElementKind.Title, segment.Start, segment.End);
            }
            else if (segment.IsItem)
            {
                ReadItem(k);
            }
            else if (Segments.AllPageMarkers(_lines, segment))
            {
                _drafts.HoldPageMarker(segment.Start, segment.End);
            }
            else
            {
                ReadPlain(k);
            }
        }

        _drafts.FlushPageMarkers();
    }

    private void ReadItem(int k)
    {
        var segment = _segments[k];
        var label = _labels[segment.Start]!;
        _inPledge = false;
        _awaitingHeadedBody = false;
        if (IsLabelledSection(k, label))
        {
            NewSection(segment.Start, segment.End);
            return;
        }

        var draft = NewDraft(ElementKind.Principle, segment.Start, segment.End);
        _principles.Add(new PrincipleDraft(draft, label.Label, label.Synthesized, label.Candidate.TextStart, segment.Start)
        {
            Section = _section,
            LeadIn = _leadIn,
            ParentLine = label.ParentLine,
        });
    }

    // "III. Fundamental Ethics and Boundaries" followed by its own numbered items is a heading, not a principle.
    // "1. Confidentiality" followed by "a." items is a principle with sub-items: numbers over letters read as
    // a principle and its parts.
    private bool IsLabelledSection(int k, AcceptedLabel label)
    {
        var segment = _segments[k];
        var text = _lines[segment.Start].Text[label.Candidate.TextStart..];
        if (segment.LineCount != 1 || label.Candidate.Style == LabelStyle.Bullet
            || !(TextShape.IsHeadingLike(text) || TextShape.IsCapitalsHeading(text)))
        {
            return false;
        }

        var next = NextPrincipleStart(k);
        if (next < 0 || _labels[_segments[next].Start] is not { } child || child.ParentLine != segment.Start)
        {
            return false;
        }

        return !(label.Candidate.Style == LabelStyle.Arabic && child.Candidate.Style is LabelStyle.LetterLower or LabelStyle.RomanLower or LabelStyle.Bullet);
    }

    private void ReadPlain(int k)
    {
        var segment = _segments[k];
        if (_awaitingHeadedBody)
        {
            _awaitingHeadedBody = false;
            ContinueDraft(segment.Start, segment.End);
            return;
        }

        if (_inPledge)
        {
            ReadAfterPledge(segment);
            return;
        }

        var first = _lines[segment.Start].Text;
        var pledgeHeading = segment.LineCount == 1 && k + 1 < _segments.Count && _segments[k + 1].Kind == SegmentKind.Plain
            && PledgeReader.IsPledgeHeading(first) && PledgeReader.StartsPledge(_lines, _segments[k + 1]);
        if (pledgeHeading || PledgeReader.StartsPledge(_lines, segment))
        {
            if (LastKind == ElementKind.Pledge)
            {
                ContinueDraft(segment.Start, segment.End);
            }
            else
            {
                NewDraft(ElementKind.Pledge, segment.Start, segment.End);
            }

            // A pledge that introduces the list ("I, ____, agree to abide by the following:") is also its lead-in.
            _inPledge = pledgeHeading || _nextPrinciple[k] < 0;
            if (!_inPledge && _lines[segment.End].Text.EndsWith(':'))
            {
                _leadIn = _drafts.Drafts.Count - 1;
            }

            return;
        }

        if (_headedMode && _headed[k])
        {
            var draft = NewDraft(ElementKind.Principle, segment.Start, segment.End);
            _principles.Add(new PrincipleDraft(draft, first, true, first.Length, segment.Start) { Section = _section, LeadIn = _leadIn });
            _awaitingHeadedBody = segment.LineCount == 1;
            return;
        }

        if (NextPrincipleStart(k) >= 0)
        {
            ReadIntroduction(segment, k);
            return;
        }

        ReadProse(k, segment.Start, segment.End);
    }

    private void ReadAfterPledge(Segment segment)
    {
        if (PledgeReader.ContinuesPledge(_lines, segment))
        {
            if (LastKind == ElementKind.Pledge)
            {
                ContinueDraft(segment.Start, segment.End);
            }
            else
            {
                NewDraft(ElementKind.Pledge, segment.Start, segment.End);
            }
        }
        else if (RevisionReader.IsRevisionParagraph(RangeText(segment.Start, segment.End)))
        {
            NewDraft(ElementKind.RevisionNote, segment.Start, segment.End);
        }
        else
        {
            NewDraft(ElementKind.OtherText, segment.Start, segment.End);
            Warn(segment.Start, "Text after the pledge was not recognised; it is kept as other text.");
        }
    }

    // A paragraph that leads into principles: prose, then any headings, then a lead-in ending with a colon.
    private void ReadIntroduction(Segment segment, int k)
    {
        var leadInStart = -1;
        var last = _lines[segment.End].Text;
        if (last.EndsWith(':') && !TextShape.IsCapitalsHeading(last))
        {
            leadInStart = segment.End;
            while (leadInStart > segment.Start && !TextShape.EndsSentence(_lines[leadInStart - 1].Text) && !IsHeading(_lines[leadInStart - 1].Text))
            {
                leadInStart--;
            }
        }

        var headingEnd = leadInStart >= 0 ? leadInStart - 1 : segment.End;
        var headingStart = headingEnd + 1;
        for (var j = headingEnd; j >= segment.Start; j--)
        {
            var text = _lines[j].Text;
            var wrapped = j > segment.Start && !TextShape.EndsSentence(_lines[j - 1].Text) && !IsHeading(_lines[j - 1].Text);
            if (!IsHeading(text) || TextShape.IsFrontMatterHeading(text) || RevisionReader.IsRevisionLine(text) || wrapped)
            {
                break;
            }

            headingStart = j;
        }

        if (headingStart > segment.Start)
        {
            ReadProse(k, segment.Start, headingStart - 1);
        }

        for (var j = headingStart; j <= headingEnd; j++)
        {
            NewSection(j, j);
        }

        if (leadInStart >= 0)
        {
            _leadIn = NewDraft(ElementKind.LeadIn, leadInStart, segment.End);
        }
    }

    private void ReadProse(int k, int start, int end)
    {
        var text = RangeText(start, end);
        var principlesFollow = _nextPrinciple[k] >= 0;
        if (RevisionReader.IsRevisionParagraph(text) && (_principles.Count == 0 || !principlesFollow || RevisionReader.IsRevisionLine(text)))
        {
            NewDraft(ElementKind.RevisionNote, start, end);
            return;
        }

        if (LastKind == ElementKind.Principle && (principlesFollow || IsContinuation(start)))
        {
            ContinueDraft(start, end);
            return;
        }

        if (principlesFollow && LastKind is ElementKind.SectionHeading or ElementKind.LeadIn)
        {
            // Text under a heading, before its items, introduces them.
            if (LastKind == ElementKind.LeadIn)
            {
                ContinueDraft(start, end);
            }
            else
            {
                _leadIn = NewDraft(ElementKind.LeadIn, start, end);
            }

            return;
        }

        if (_principles.Count == 0)
        {
            NewDraft(ElementKind.Preamble, start, end);
            return;
        }

        NewDraft(ElementKind.OtherText, start, end);
        if (text[0] is '*' or '†' or '‡')
        {
            return; // a footnote: recognised, and other text is where it belongs
        }

        Warn(start, principlesFollow
            ? "Text between principles could not be attached to one; it is kept as other text."
            : "Text after the last principle was not recognised; it is kept as other text.");
    }

    // After the last item, a paragraph continues it only when it reads so: it starts in lower case, is
    // indented under the item, or the item's last line stopped mid-sentence.
    private bool IsContinuation(int start)
    {
        var principle = _principles[^1];
        var draft = _drafts.Drafts[principle.Draft];
        return TextShape.StartsLowercase(_lines[start].Text)
            || _lines[start].Indent > _lines[principle.LabelLine].Indent
            || !TextShape.EndsSentence(_lines[draft.Ranges[^1].End].Text);
    }

    // The next segment that starts a principle, reachable from segment k past nothing but page numbers,
    // headings and lead-ins; -1 when prose, a pledge or the end comes first.
    private int NextPrincipleStart(int k)
    {
        for (var m = k + 1; m < _segments.Count && m <= k + LookAhead; m++)
        {
            if (StartsPrinciple(m))
            {
                return m;
            }

            var segment = _segments[m];
            var last = _lines[segment.End].Text;
            var introductory = Segments.AllPageMarkers(_lines, segment)
                || (segment.LineCount == 1 && IsHeading(last))
                || (last.EndsWith(':') && !PledgeReader.StartsPledge(_lines, segment));
            if (segment.Kind != SegmentKind.Plain || !introductory)
            {
                return -1;
            }
        }

        return -1;
    }

    private bool StartsPrinciple(int k) => _segments[k].IsItem || (_headedMode && _headed[k]);

    private static bool IsHeading(string text) => TextShape.IsHeadingLike(text) || TextShape.IsCapitalsHeading(text);

    private void NewSection(int start, int end)
    {
        _section = NewDraft(ElementKind.SectionHeading, start, end);
        _leadIn = -1;
    }

    private ElementKind? LastKind => _drafts.LastKind;

    private int NewDraft(ElementKind kind, int start, int end) => _drafts.Start(kind, start, end);

    private void ContinueDraft(int start, int end) => _drafts.Continue(start, end, _principles.Count > 0 ? _principles[^1].Label : "");

    private string RangeText(int start, int end)
    {
        if (start == end)
        {
            return _lines[start].Text;
        }

        var parts = new string[end - start + 1];
        for (var i = start; i <= end; i++)
        {
            parts[i - start] = _lines[i].Text;
        }

        return string.Join(' ', parts);
    }

    private void Warn(int lineIndex, string message) =>
        _warnings.Add(new ImportWarning(_lines.Count == 0 ? 1 : _lines[Math.Min(lineIndex, _lines.Count - 1)].Number, message));
}
