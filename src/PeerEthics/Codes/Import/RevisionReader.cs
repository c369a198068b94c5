using System.Text.RegularExpressions;

namespace PeerEthics.Codes.Import;

/// <summary>
/// Recognizes a document's revision history and reads each year it names with the clause that says what
/// happened then. Massachusetts: "… Training Program – Revised and Updated by members of the Massachusetts
/// Consumer Operated Programs &amp; Activities leadership in 2006." gives 2006 and the clause after the dash.
/// </summary>
internal static partial class RevisionReader
{
    /// <summary>A paragraph that is mostly about when the code was written, revised or adopted.</summary>
    public static bool IsRevisionParagraph(string text)
    {
        if (!Year().IsMatch(text))
        {
            return false;
        }

        // "Issued by the State Office. Adopted 2012; revised 2018." is history throughout, though only one
        // sentence has a year; "This code, adopted in 2010, guides us. It applies to all." is preamble.
        var sentences = Sentences(text);
        var aboutRevisions = 0;
        foreach (var sentence in sentences)
        {
            if (Keyword().IsMatch(sentence))
            {
                aboutRevisions++;
            }
        }

        return aboutRevisions * 2 > sentences.Count;
    }

    /// <summary>A short line such as "Revised 2015" or "Adopted March 2010", which may sit between items.</summary>
    public static bool IsRevisionLine(string text) =>
        TextShape.CountWords(text) <= 15 && LeadingKeyword().IsMatch(text) && Year().IsMatch(text);

    /// <summary>
    /// Adds each year the text mentions in a sentence about a revision, with the clause (or sentence) that
    /// mentions it. The caller removes duplicates.
    /// </summary>
    public static void Read(string text, bool requireKeyword, List<ParsedRevision> revisions)
    {
        if (!Year().IsMatch(text))
        {
            return;
        }

        foreach (var sentence in Sentences(text))
        {
            if (!Year().IsMatch(sentence) || (requireKeyword && !Keyword().IsMatch(sentence)))
            {
                continue;
            }

            foreach (var clause in ClauseBreak().Split(sentence))
            {
                // A clause without a revision word ("– March 2010.") says too little: the sentence is the note.
                var note = Keyword().IsMatch(clause) ? clause.Trim() : sentence.Trim();
                foreach (Match year in Year().Matches(clause))
                {
                    revisions.Add(new ParsedRevision(int.Parse(year.Value, System.Globalization.CultureInfo.InvariantCulture), note));
                }
            }
        }
    }

    internal static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        foreach (var part in SentenceBreak().Split(text.Replace("\n\n", " ", StringComparison.Ordinal)))
        {
            if (part.Length > 0)
            {
                sentences.Add(part);
            }
        }

        return sentences;
    }

    // A year stands alone: not part of "885-07", "(4-100)" or a longer number.
    [GeneratedRegex(@"(?<![\p{L}\p{N}\-–/])(?:19|20)\d\d(?![\p{L}\p{N}]|[\-–/]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:revis\w*|updat\w*|adopt\w*|approv\w*|amend\w*|effective|ratif\w*|reaffirm\w*|reviewed|written|created|established|publish\w*|issued|edition|version|last modified)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"^(?:revis\w*|updat\w*|adopt\w*|approv\w*|amend\w*|effective|ratif\w*|reaffirm\w*|reviewed|last (?:revised|updated|modified)|edition|version)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingKeyword();

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[\p{Lu}\p{N}""“‘(])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    // Clauses: "… Training Program – Revised and Updated … in 2006.", "Adopted 2012; revised 2018 and 2021."
    [GeneratedRegex(@"\s[–—-]\s|;\s", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();
}
