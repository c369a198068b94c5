namespace PeerEthics.Codes.Themes;

/// <summary>
/// One phrase rule of a theme, as written in the theme file ("gifts of significant value"). It matches a
/// text that has all of the phrase's words in the same order, compared by stem so that inflections match
/// ("gift" finds "gifts"). Between two words of the phrase the text may have small words the phrase does
/// not ("respect all the rights") and at most <see cref="MaxGap"/> other word ("gifts of significant
/// monetary value"). Small words the phrase has are required: "under the influence" must not match
/// "undue influence".
/// </summary>
internal sealed class PhraseRule
{
    public const int MaxGap = 1;

    public PhraseRule(string phrase, IReadOnlyList<Word> words)
    {
        Phrase = phrase;
        Stems = [.. words.Select(w => w.Stem)];
    }

    public string Phrase { get; }

    /// <summary>Never empty: the taxonomy refuses a phrase with no meaningful word.</summary>
    public string[] Stems { get; }

    /// <summary>
    /// The first place <paramref name="words"/> say the phrase, as (first, last) word index.
    /// <paramref name="stems"/> are all the stems of the text: most rules fail on it at once, without a scan.
    /// </summary>
    public (int First, int Last)? Match(List<Word> words, HashSet<string> stems)
    {
        foreach (var stem in Stems)
        {
            if (!stems.Contains(stem))
            {
                return null;
            }
        }

        for (var start = 0; start < words.Count; start++)
        {
            if (words[start].Stem == Stems[0] && MatchRest(words, 1, start) is { } last)
            {
                return (start, last);
            }
        }

        return null;
    }

    private int? MatchRest(List<Word> words, int next, int previous)
    {
        if (next == Stems.Length)
        {
            return previous;
        }

        var gap = 0;
        for (var i = previous + 1; i < words.Count; i++)
        {
            if (words[i].Stem == Stems[next] && MatchRest(words, next + 1, i) is { } last)
            {
                return last;
            }

            if (!words[i].IsSmall && ++gap > MaxGap)
            {
                return null;
            }
        }

        return null;
    }
}
