using System.Text;
using System.Text.RegularExpressions;

namespace PeerEthics.Codes.Import;

/// <summary>
/// Recognizes the signature statement ("I _____ fully understand the Code of Ethics and commit myself…",
/// "Signature _____ Date: _____") and reads what each printed blank asks for.
/// </summary>
internal static partial class PledgeReader
{
    /// <summary>The first line of a pledge: "I _____", "I, ______,", "I (print name)", "By signing below, I…".</summary>
    public static bool IsStartLine(string text) => text.Length > 1 && text[0] is 'I' or 'B' && PledgeStart().IsMatch(text);

    /// <summary>A line to sign or date: it has a printed blank, or is a short "Signature" / "Date" caption.</summary>
    public static bool IsSignatureLine(string text) =>
        (TextShape.HasBlank(text) && !IsStartLine(text)) || (TextShape.CountWords(text) <= 6 && SignatureCaption().IsMatch(text));

    /// <summary>"Pledge", "Commitment", "Acknowledgement and Signature": a heading that introduces a pledge.</summary>
    public static bool IsPledgeHeading(string text) =>
        (TextShape.IsHeadingLike(text) || TextShape.IsCapitalsHeading(text)) && PledgeHeading().IsMatch(text);

    /// <summary>Whether a paragraph starts a pledge (possibly under its own heading), or is a bare signature block.</summary>
    public static bool StartsPledge(IReadOnlyList<SourceLine> lines, Segment segment)
    {
        var first = lines[segment.Start].Text;
        if (IsStartLine(first) || (segment.LineCount > 1 && IsPledgeHeading(first) && IsStartLine(lines[segment.Start + 1].Text)))
        {
            return true;
        }

        var anyBlank = false;
        for (var i = segment.Start; i <= segment.End; i++)
        {
            if (!IsSignatureLine(lines[i].Text))
            {
                return false;
            }

            anyBlank |= TextShape.HasBlank(lines[i].Text);
        }

        return anyBlank;
    }

    /// <summary>Whether a paragraph that follows a pledge still belongs to it (more signature lines, more first-person text).</summary>
    public static bool ContinuesPledge(IReadOnlyList<SourceLine> lines, Segment segment)
    {
        for (var i = segment.Start; i <= segment.End; i++)
        {
            var text = lines[i].Text;
            if (IsSignatureLine(text) || IsStartLine(text) || TextShape.HasBlank(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads a pledge from its paragraphs (line ranges, in order). The statement is the first-person paragraph
    /// without its signature lines; each blank is named by its caption, the word before it ("I ___" asks for
    /// a name), or, for a line of bare blanks, the captions printed underneath.
    /// </summary>
    public static ParsedPledge Read(IReadOnlyList<SourceLine> lines, IReadOnlyList<(int Start, int End)> paragraphs, string text)
    {
        var statement = new StringBuilder();
        var statementDone = false;
        var blanks = new List<string>();
        foreach (var (start, end) in paragraphs)
        {
            for (var i = start; i <= end; i++)
            {
                var line = lines[i].Text;
                if (!statementDone)
                {
                    if (statement.Length == 0 ? IsStartLine(line) : !IsSignatureLine(line))
                    {
                        statement.Append(statement.Length == 0 ? "" : " ").Append(line);
                    }
                    else if (statement.Length > 0)
                    {
                        statementDone = true;
                    }
                }

                NameBlanks(line, i < end ? lines[i + 1].Text : null, blanks);
            }

            statementDone |= statement.Length > 0;
        }

        return new ParsedPledge(text, statement.ToString(), blanks);
    }

    private static void NameBlanks(string line, string? nextLine, List<string> blanks)
    {
        var matches = Blank().Matches(line);
        if (matches.Count == 0)
        {
            return;
        }

        // "________   ________" over "Signature   Date": the captions are printed under the blanks.
        string[]? captionsBelow = null;
        if (nextLine is not null && Blank().Replace(line, "").Trim().Length == 0)
        {
            var words = nextLine.Split(' ');
            captionsBelow = words.Length == matches.Count ? words : null;
        }

        for (var m = 0; m < matches.Count; m++)
        {
            var match = matches[m];
            var before = line[..match.Index].TrimEnd(' ', ':', ',', '(', '[');
            var wordBefore = before.Length == 0 ? "" : before[(before.LastIndexOf(' ') + 1)..];
            var after = line[(match.Index + match.Length)..].TrimStart(' ', ',', ':');
            var wordAfter = after.Length == 0 ? "" : after.Split(' ')[0];
            blanks.Add(
                Caption(wordBefore, requireCaptionShape: true)
                ?? (wordAfter.StartsWith('(') ? Caption(wordAfter.Trim('(', ')', '[', ']', ',', '.'), requireCaptionShape: false) : null)
                ?? (captionsBelow is not null ? Caption(captionsBelow[m], requireCaptionShape: false) : null)
                ?? "blank");
        }
    }

    private static string? Caption(string word, bool requireCaptionShape)
    {
        var bare = word.Trim(':', ',', '.', '(', ')', '[', ']', '"', '“', '”').ToLowerInvariant();
        switch (bare)
        {
            case "":
                return null;
            case "i":
                return "name";
            case "signature" or "signed" or "sign":
                return "signature";
            case "date" or "dated" or "day":
                return "date";
            case "name" or "print" or "printed":
                return "name";
            case "witness":
                return "witness";
            case "title" or "position":
                return "title";
        }

        // Another caption printed before a blank ("Program: ____", "Cohort ____") names what it asks for;
        // an ordinary word mid-sentence does not.
        var shaped = word.EndsWith(':') || char.IsUpper(word[0]);
        return (shaped || !requireCaptionShape) && TextShape.HasLetterOrDigit(bare) ? bare : null;
    }

    [GeneratedRegex(@"^(?:I,? ?(?:_{2,}|\.{5,}|\(|\[)|I (?:hereby |fully |have read|do )?(?:understand|agree|commit|pledge|affirm|promise|certify|attest|acknowledge|swear)\b|By (?:signing|my signature)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PledgeStart();

    [GeneratedRegex(@"^(?:(?:participant|specialist|applicant|trainee|supervisor|witness)(?:'s)? )?(?:signature|signed|date|dated|print(?:ed)? name|name|witness)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureCaption();

    [GeneratedRegex(@"\b(?:pledge|commitment|acknowledg(?:e)?ments?|agreement|attestation|affirmation|signatures?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PledgeHeading();

    [GeneratedRegex(@"_{2,}|\.{5,}", RegexOptions.CultureInvariant)]
    private static partial Regex Blank();
}
