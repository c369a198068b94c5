using PeerEthics.Codes.Import;

namespace PeerEthics.Codes.Diff;

/// <summary>
/// Decides which principle of the older version each principle of the newer one is, by content first
/// and label second, so that a principle renumbered because another was inserted before it is matched
/// to itself, not reported as removed and added. In turn:
/// <list type="number">
/// <item>the same text under the same label;</item>
/// <item>the same text under another label (renumbered), in document order;</item>
/// <item>similar text (at least <see cref="SimilarEnough"/> of the words shared), the most similar first:
/// reworded, and perhaps renumbered too;</item>
/// <item>the same label, however different the text: rewritten in place.</item>
/// </list>
/// What is left was removed from the older version or added in the newer.
/// </summary>
internal sealed class PrincipleMatcher
{
    /// <summary>
    /// Dice coefficient of the two texts' words (2 × shared ÷ total) above which two principles are the
    /// same principle reworded. At one half, a principle keeps its identity through a rewording that
    /// replaces up to half its words.
    /// </summary>
    public const double SimilarEnough = 0.5;

    private PrincipleMatcher(int fromCount, int toCount)
    {
        ToOf = new int?[fromCount];
        FromOf = new int?[toCount];
    }

    /// <summary>For each older principle, the index of its newer self; null when removed.</summary>
    public int?[] ToOf { get; }

    /// <summary>For each newer principle, the index of its older self; null when added.</summary>
    public int?[] FromOf { get; }

    public static PrincipleMatcher Match(IReadOnlyList<ParsedPrinciple> from, IReadOnlyList<ParsedPrinciple> to)
    {
        var match = new PrincipleMatcher(from.Count, to.Count);
        match.PairInOrder(from, to, (a, b) => a.Text == b.Text && a.Label == b.Label);
        match.PairInOrder(from, to, (a, b) => a.Text == b.Text);
        match.PairSimilar(from, to);
        match.PairInOrder(from, to, (a, b) => a.Label == b.Label);
        return match;
    }

    private void PairInOrder(IReadOnlyList<ParsedPrinciple> from, IReadOnlyList<ParsedPrinciple> to, Func<ParsedPrinciple, ParsedPrinciple, bool> same)
    {
        for (var i = 0; i < from.Count; i++)
        {
            for (var j = 0; j < to.Count && ToOf[i] is null; j++)
            {
                if (FromOf[j] is null && same(from[i], to[j]))
                {
                    Pair(i, j);
                }
            }
        }
    }

    private void PairSimilar(IReadOnlyList<ParsedPrinciple> from, IReadOnlyList<ParsedPrinciple> to)
    {
        var toWords = to.Select(p => WordsOf(p.Text)).ToList();
        var candidates = new List<(double Similarity, bool SameLabel, int From, int To)>();
        for (var i = 0; i < from.Count; i++)
        {
            if (ToOf[i] is not null)
            {
                continue;
            }

            var fromWords = WordsOf(from[i].Text);
            for (var j = 0; j < to.Count; j++)
            {
                if (FromOf[j] is null && Dice(fromWords, toWords[j]) is var similarity && similarity >= SimilarEnough)
                {
                    candidates.Add((similarity, from[i].Label == to[j].Label, i, j));
                }
            }
        }

        foreach (var (_, _, i, j) in candidates
            .OrderByDescending(c => c.Similarity).ThenByDescending(c => c.SameLabel).ThenBy(c => c.From).ThenBy(c => c.To))
        {
            if (ToOf[i] is null && FromOf[j] is null)
            {
                Pair(i, j);
            }
        }
    }

    private void Pair(int from, int to)
    {
        ToOf[from] = to;
        FromOf[to] = from;
    }

    private static Dictionary<string, int> WordsOf(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = word.Trim(Punctuation);
            if (trimmed.Length > 0)
            {
                counts[trimmed] = counts.GetValueOrDefault(trimmed) + 1;
            }
        }

        return counts;
    }

    private static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '\u2018', '\u2019', '\u201C', '\u201D'];

    private static double Dice(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var total = a.Values.Sum() + b.Values.Sum();
        if (total == 0)
        {
            return 1;
        }

        var shared = a.Sum(kv => Math.Min(kv.Value, b.GetValueOrDefault(kv.Key)));
        return 2.0 * shared / total;
    }
}
