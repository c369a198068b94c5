using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace PeerEthics.Codes.Themes;

/// <summary>One word of a text: where it is, how it was written, and its stem.</summary>
/// <param name="Text">The word as written.</param>
/// <param name="Stem">Its lower-case stem (small words are kept whole).</param>
/// <param name="Start">Index of its first character in the text, so a reason can quote the text as written.</param>
/// <param name="IsSmall">A small word ("the", "will", "not") that carries no topic of its own (or one the theme file says to ignore).</param>
internal readonly record struct Word(string Text, string Stem, int Start, bool IsSmall)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// Splits text into words the same way everywhere themes and crosswalks look at text: letters and digits
/// make words, everything else separates them ("sexual/intimate" and "self-determination" are two words
/// each), a possessive 's is dropped, and each word is lower-cased and stemmed.
/// </summary>
internal static class Words
{
    public static List<Word> Split(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerApostrophe(text, i)))
            {
                i++;
            }

            var surface = text[start..i];
            var lower = surface.ToLowerInvariant().Replace('\u2019', '\'');
            if (lower.EndsWith("'s", StringComparison.Ordinal))
            {
                lower = lower[..^2];
            }

            var small = IsSmallWord(lower);
            words.Add(new Word(surface, small ? lower : StemOf(lower), start, small));
        }

        return words;
    }

    /// <summary>
    /// Stems are remembered: stemming is the costliest step of reading a text, its result never
    /// changes, and the codes' vocabulary is small. The bound keeps a stream of odd input from growing
    /// it without limit.
    /// </summary>
    private static string StemOf(string lowerCaseWord)
    {
        if (StemCache.TryGetValue(lowerCaseWord, out var stem))
        {
            return stem;
        }

        stem = PorterStemmer.Stem(lowerCaseWord);
        if (Volatile.Read(ref _cachedStems) < StemCacheLimit && StemCache.TryAdd(lowerCaseWord, stem))
        {
            Interlocked.Increment(ref _cachedStems);
        }

        return stem;
    }

    private const int StemCacheLimit = 100_000;

    private static int _cachedStems;

    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);

    /// <summary>The stems of a text's words that carry meaning, in order.</summary>
    public static IEnumerable<string> MeaningfulStems(string text) =>
        Split(text).Where(w => !w.IsSmall).Select(w => w.Stem);

    public static bool IsSmallWord(string lowerCaseWord) => SmallWords.Contains(lowerCaseWord);

    private static bool IsInnerApostrophe(string text, int i) =>
        text[i] is '\'' or '\u2019' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);

    /// <summary>
    /// English function words, plus the modal verbs and negations every rule in a code is built from
    /// ("will", "shall", "never"): a code's statements all share those, so they say nothing about which
    /// statement is about what.
    /// </summary>
    private static readonly FrozenSet<string> SmallWords = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "cannot", "could", "did", "do", "does", "doing", "down", "during",
        "each", "either", "etc", "every", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "i", "if", "in", "into", "is", "it", "its", "itself",
        "may", "me", "might", "more", "most", "must", "my", "myself",
        "never", "no", "nor", "not", "of", "off", "on", "once", "one", "only", "or", "other", "ought", "our", "ours",
        "ourselves", "out", "over", "own",
        "same", "shall", "she", "should", "so", "some", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "therefore", "these", "they",
        "this", "those", "through", "thus", "to", "too",
        "under", "until", "up", "upon", "us", "very",
        "was", "we", "were", "what", "whatever", "when", "where", "whether", "which", "while", "who", "whom", "whose",
        "why", "will", "with", "within", "without", "would",
        "you", "your", "yours", "yourself", "yourselves",
    ], StringComparer.Ordinal);
}
