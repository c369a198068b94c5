using System.Text;

namespace PeerEthics.Codes.Import;

/// <summary>
/// Reads a code of ethics published as plain text into a <see cref="ParsedCode"/>. Never throws on content:
/// a malformed document gives a result with warnings. The reading happens in three passes over lines:
/// <see cref="SourceLines"/> normalizes, <see cref="LabelSequence"/> decides which line starts are labels,
/// <see cref="DocumentAssembler"/> gives every line its element. The rest of this class reads facts (issuer,
/// pledge, revisions, who else is bound) off the elements.
/// </summary>
public static class CodeDocumentParser
{
    public static ParsedCode Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var warnings = new List<ImportWarning>();
        var lines = SourceLines.Split(source);
        var labels = LabelSequence.Read(lines, warnings);
        var (drafts, principleDrafts) = DocumentAssembler.Assemble(lines, labels, warnings);

        var buffer = new StringBuilder(1024);
        var texts = new string[drafts.Count];
        var elements = new CodeElement[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            texts[i] = drafts[i].Text(lines, buffer);
            elements[i] = new CodeElement(drafts[i].Kind, texts[i], lines[drafts[i].FirstLine].Number);
        }

        var principles = Principles(lines, texts, principleDrafts, warnings);
        if (principles.Count == 0)
        {
            warnings.Add(new ImportWarning(1, "No principles were found: no numbered, lettered or bulleted items, and no headed paragraphs."));
        }

        string? title = null;
        string? issuer = null;
        var preamble = new List<string>();
        var sections = new List<ParsedSection>();
        var pledgeParagraphs = new List<(int Start, int End)>();
        var pledgeTexts = new List<string>();
        var revisions = new List<ParsedRevision>();
        var alsoBinds = new List<string>();
        var otherText = new List<string>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var text = texts[i];
            switch (draft.Kind)
            {
                case ElementKind.Title when title is null:
                    title = text;
                    issuer = IssuerReader.FromTitle(LinesOf(lines, draft));
                    break;
                case ElementKind.Preamble:
                    preamble.Add(text);
                    RevisionReader.Read(text, requireKeyword: true, revisions);
                    break;
                case ElementKind.SectionHeading:
                    sections.Add(new ParsedSection(text, elements[i].Line));
                    break;
                case ElementKind.Pledge:
                    pledgeParagraphs.AddRange(draft.Ranges);
                    pledgeTexts.Add(text);
                    break;
                case ElementKind.RevisionNote:
                    RevisionReader.Read(text, requireKeyword: false, revisions);
                    break;
                case ElementKind.OtherText:
                    otherText.Add(text);
                    break;
            }

            if (draft.Kind is ElementKind.Preamble or ElementKind.LeadIn or ElementKind.OtherText or ElementKind.RevisionNote)
            {
                AlsoBindsReader.Read(text, alsoBinds);
                issuer ??= IssuerFromStatement(lines, draft);
            }
        }

        var pledge = pledgeParagraphs.Count > 0 ? PledgeReader.Read(lines, pledgeParagraphs, string.Join("\n\n", pledgeTexts)) : null;
        if (pledge is { Statement.Length: 0 })
        {
            warnings.Add(new ImportWarning(lines[pledgeParagraphs[0].Start].Number, "Signature lines were found without a pledge statement."));
        }

        return new ParsedCode(
            title,
            issuer,
            preamble,
            sections,
            principles,
            pledge,
            [.. revisions.Distinct()],
            alsoBinds,
            otherText,
            [.. warnings.OrderBy(w => w.Line)],
            elements);
    }

    private static List<ParsedPrinciple> Principles(List<SourceLine> lines, string[] texts, List<PrincipleDraft> drafts, List<ImportWarning> warnings)
    {
        var byLabelLine = new Dictionary<int, PrincipleDraft>(drafts.Count);
        foreach (var draft in drafts)
        {
            byLabelLine[draft.LabelLine] = draft;
        }

        var principles = new List<ParsedPrinciple>(drafts.Count);
        foreach (var draft in drafts)
        {
            var element = texts[draft.Draft];
            var text = element[Math.Min(draft.LabelLength, element.Length)..].TrimStart(' ', '\n');
            var line = lines[draft.LabelLine].Number;
            if (text.Length == 0)
            {
                warnings.Add(new ImportWarning(line, $"The item \"{draft.Label}\" has no text."));
            }

            // A sub-item's parent is a principle; when the item above was read as a section heading, the
            // section already says where the item belongs.
            var parent = draft.ParentLine >= 0 && byLabelLine.TryGetValue(draft.ParentLine, out var up) ? up.Label : null;
            principles.Add(new ParsedPrinciple(
                draft.Label,
                draft.Synthesized,
                text,
                draft.Section >= 0 ? texts[draft.Section] : null,
                draft.LeadIn >= 0 ? texts[draft.LeadIn] : null,
                parent,
                line));
        }

        return principles;
    }

    private static List<string> LinesOf(List<SourceLine> lines, Draft draft)
    {
        var result = new List<string>();
        foreach (var (start, end) in draft.Ranges)
        {
            for (var i = start; i <= end; i++)
            {
                result.Add(lines[i].Text);
            }
        }

        return result;
    }

    private static string? IssuerFromStatement(List<SourceLine> lines, Draft draft)
    {
        foreach (var (start, end) in draft.Ranges)
        {
            for (var i = start; i <= end; i++)
            {
                if (IssuerReader.FromStatement(lines[i].Text) is { } issuer)
                {
                    return issuer;
                }
            }
        }

        return null;
    }
}
