using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;

namespace PeerEthics.Codes.Crosswalk;

/// <summary>
/// Two principles that say the same thing. <see cref="Score"/> (0–1) blends <see cref="Wording"/> and
/// <see cref="ThemeOverlap"/>; <see cref="Themes"/> are the theme ids both have, strongest first, and
/// <see cref="SharedWords"/> the meaningful words both use, most telling first.
/// </summary>
public sealed record CrosswalkPair(ParsedPrinciple Left, ParsedPrinciple Right, double Score, IReadOnlyList<string> Themes, IReadOnlyList<string> SharedWords)
{
    /// <summary>Cosine similarity of the two principles' wording (TF-IDF over word stems), 0–1.</summary>
    public double Wording { get; init; }

    /// <summary>How much of the narrower principle's themes the other shares, weighted by theme score, 0–1.</summary>
    public double ThemeOverlap { get; init; }
}

/// <summary>The pairs in the left code's order; what each code has that the other lacks, in each code's order.</summary>
public sealed record CodeCrosswalk(IReadOnlyList<CrosswalkPair> Pairs, IReadOnlyList<ParsedPrinciple> OnlyLeft, IReadOnlyList<ParsedPrinciple> OnlyRight);

/// <summary>
/// Pairs the principles of two codes that say the same thing. Nothing here knows any particular code:
/// every pair follows from the principles' words and the themes the tagger finds in them, so it works
/// for codes the project has never seen.
/// </summary>
/// <remarks>
/// <para>Each principle is compared with each principle of the other code. The score is
/// <c>(1 − ThemeWeight) × wording + ThemeWeight × theme overlap</c>. Wording is the TF-IDF cosine of
/// the two texts, IDF counted over both codes so that words both codes use everywhere weigh little.
/// Theme overlap is how much of the narrower principle's themes the other shares: Σ min ÷ the smaller
/// Σ, over the two principles' theme scores (a weighted overlap coefficient). Each principle's scores
/// are first scaled so that its strongest theme is 1: what matters is what a principle is mainly about,
/// not how sure the tagger is (a reworded principle the tagger finds only by similarity is as much
/// about its theme as one that uses the theme's very phrases). Using the narrower principle's themes
/// means that "no sexual activity" fully matches "no exploitive or sexual activity". When one principle has
/// themes and the other none, the overlap is 0: the taxonomy knows what one is about and not the other,
/// which is evidence that they differ. When neither has a theme, the taxonomy covers neither, themes are
/// no evidence either way, and the score is the wording alone.</para>
/// <para>Pairs are then taken greedily, strongest first, each principle at most once, and only while
/// the score is at least <see cref="MatchThreshold"/>: a principle whose best partner is weaker than
/// that is listed as only in its code rather than forced into a poor pair. Equal scores are taken in
/// the left code's order, then the right's, so the result never varies.</para>
/// </remarks>
public sealed class CrosswalkBuilder(ThemeTagger tagger)
{
    /// <summary>
    /// The least score that counts as "says the same thing". Two principles with the same main theme
    /// reach 0.5 on their themes alone, however they are worded. Without a shared theme it takes a
    /// wording similarity of 0.7 (0.35 between two principles the taxonomy has no theme for, which a
    /// few shared common words do not reach). On the two seed codes, right pairs score 0.68 and up and
    /// wrong ones 0.11 at most.
    /// </summary>
    public const double MatchThreshold = 0.35;

    /// <summary>How much the themes count in the score, against the wording.</summary>
    public const double ThemeWeight = 0.5;

    /// <summary>
    /// A word used by at least this share of a code's principles is that code's boilerplate (the name of
    /// its credential: "CMPS will…"), not something a principle says; it is left out for codes of at
    /// least <see cref="BoilerplateMinimumPrinciples"/> principles.
    /// </summary>
    public const double BoilerplateShare = 0.8;

    public const int BoilerplateMinimumPrinciples = 5;

    public ThemeTagger Tagger { get; } = tagger;

    public CodeCrosswalk Compute(IReadOnlyList<ParsedPrinciple> left, IReadOnlyList<ParsedPrinciple> right)
    {
        var (leftSide, rightSide) = Prepare(left, right);
        var candidates = new List<(double Score, int Left, int Right, double Wording, double Themes)>();
        for (var i = 0; i < leftSide.Length; i++)
        {
            for (var j = 0; j < rightSide.Length; j++)
            {
                var (score, wording, themes) = Score(leftSide[i], rightSide[j]);
                if (score >= MatchThreshold)
                {
                    candidates.Add((score, i, j, wording, themes));
                }
            }
        }

        // Strongest first; equal scores in the left code's order, then the right's, so output never varies.
        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Left != b.Left ? a.Left.CompareTo(b.Left) : a.Right.CompareTo(b.Right));
        var leftTaken = new bool[leftSide.Length];
        var rightTaken = new bool[rightSide.Length];
        var pairs = new List<(int Left, CrosswalkPair Pair)>();
        foreach (var (score, i, j, wording, themes) in candidates)
        {
            if (leftTaken[i] || rightTaken[j])
            {
                continue;
            }

            leftTaken[i] = rightTaken[j] = true;
            var pair = new CrosswalkPair(left[i], right[j], Math.Round(score, 3), SharedThemes(leftSide[i], rightSide[j]), SharedWords(leftSide[i], rightSide[j]))
            {
                Wording = Math.Round(wording, 3),
                ThemeOverlap = Math.Round(themes, 3),
            };
            pairs.Add((i, pair));
        }

        return new CodeCrosswalk(
            [.. pairs.OrderBy(p => p.Left).Select(p => p.Pair)],
            [.. left.Where((_, i) => !leftTaken[i])],
            [.. right.Where((_, j) => !rightTaken[j])]);
    }

    /// <summary>Every left principle's score against every right one, [left, right]: for tests and for tuning.</summary>
    internal double[,] ScoreAll(IReadOnlyList<ParsedPrinciple> left, IReadOnlyList<ParsedPrinciple> right)
    {
        var (leftSide, rightSide) = Prepare(left, right);
        var scores = new double[leftSide.Length, rightSide.Length];
        for (var i = 0; i < leftSide.Length; i++)
        {
            for (var j = 0; j < rightSide.Length; j++)
            {
                scores[i, j] = Score(leftSide[i], rightSide[j]).Score;
            }
        }

        return scores;
    }

    /// <summary>Words, themes and vectors of both codes' principles; IDF is counted over both codes.</summary>
    private (Prepared[] Left, Prepared[] Right) Prepare(IReadOnlyList<ParsedPrinciple> left, IReadOnlyList<ParsedPrinciple> right)
    {
        var leftSide = Prepare(left);
        var rightSide = Prepare(right);
        var idf = InverseDocumentFrequency(leftSide, rightSide);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var principle in leftSide.Concat(rightSide))
        {
            principle.Vector = TermVector.From(principle.Words.Select(w => w.Stem), idf);
            foreach (var stem in principle.Vector.Weights.Keys)
            {
                numbers.TryAdd(stem, numbers.Count);
            }
        }

        foreach (var principle in leftSide.Concat(rightSide))
        {
            principle.Numbered = new SparseVector(principle.Vector, numbers);
        }

        return (leftSide, rightSide);
    }

    private Prepared[] Prepare(IReadOnlyList<ParsedPrinciple> principles)
    {
        var read = principles.Select(p => Tagger.Read(p.Text)).ToList();
        var words = read.Select(r => r.MeaningfulWords).ToList();
        var boilerplate = new HashSet<string>(StringComparer.Ordinal);
        if (principles.Count >= BoilerplateMinimumPrinciples)
        {
            var usedBy = words.SelectMany(w => w.Select(x => x.Stem).Distinct()).CountBy(s => s);
            boilerplate.UnionWith(usedBy.Where(kv => kv.Value >= BoilerplateShare * principles.Count).Select(kv => kv.Key));
        }

        return [.. read.Select(r => new Prepared([.. r.MeaningfulWords.Where(w => !boilerplate.Contains(w.Stem))], RelativeThemeScores(r.Themes)))];
    }

    /// <summary>Each theme's score divided by the principle's strongest.</summary>
    private static Dictionary<string, double> RelativeThemeScores(IReadOnlyList<ThemeTag> tags)
    {
        var strongest = tags.Count == 0 ? 1 : tags.Max(t => t.Score);
        return tags.ToDictionary(t => t.Theme, t => t.Score / strongest, StringComparer.Ordinal);
    }

    private static Func<string, double> InverseDocumentFrequency(Prepared[] left, Prepared[] right)
    {
        var all = left.Concat(right).ToList();
        var frequency = all.SelectMany(p => p.Words.Select(w => w.Stem).Distinct()).CountBy(s => s).ToDictionary(StringComparer.Ordinal);
        return stem => TermVector.Idf(frequency.GetValueOrDefault(stem), all.Count);
    }

    private static (double Score, double Wording, double Themes) Score(Prepared left, Prepared right)
    {
        var wording = left.Numbered.Cosine(right.Numbered);
        if (left.Themes.Count == 0 && right.Themes.Count == 0)
        {
            return (wording, wording, 0);
        }

        var themes = WeightedOverlap(left, right);
        return (((1 - ThemeWeight) * wording) + (ThemeWeight * themes), wording, themes);
    }

    private static double WeightedOverlap(Prepared a, Prepared b)
    {
        var shared = 0.0;
        foreach (var (theme, score) in a.Themes)
        {
            if (b.Themes.TryGetValue(theme, out var other))
            {
                shared += Math.Min(score, other);
            }
        }

        var narrower = Math.Min(a.ThemeTotal, b.ThemeTotal);
        return narrower == 0 ? 0 : Math.Min(1.0, shared / narrower);
    }

    private static List<string> SharedThemes(Prepared left, Prepared right) =>
        [.. left.Themes.Keys.Where(right.Themes.ContainsKey)
            .OrderByDescending(t => Math.Min(left.Themes[t], right.Themes[t]))
            .ThenBy(t => t, StringComparer.Ordinal)];

    /// <summary>The words both use, as the left principle writes them, those that add most to the wording score first.</summary>
    private static List<string> SharedWords(Prepared left, Prepared right)
    {
        var weights = right.Vector.Weights;
        return [.. left.Vector.Weights
            .Where(kv => weights.ContainsKey(kv.Key))
            .OrderByDescending(kv => kv.Value * weights[kv.Key])
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => left.Words.First(w => w.Stem == kv.Key).Text.ToLowerInvariant())];
    }

    private sealed class Prepared(List<Word> words, Dictionary<string, double> themes)
    {
        public List<Word> Words { get; } = words;

        public Dictionary<string, double> Themes { get; } = themes;

        public double ThemeTotal { get; } = themes.Values.Sum();

        public TermVector Vector { get; set; } = TermVector.Empty;

        public SparseVector Numbered { get; set; }
    }
}
