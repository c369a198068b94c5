using System.Globalization;

namespace PeerEthics.Codes.Themes;

/// <summary>
/// One theme found in a text. <see cref="Score"/> runs from 0 to 1; <see cref="Reasons"/> say in plain
/// words why the theme was found ("mentions 'gifts of significant value'").
/// </summary>
public sealed record ThemeTag(string Theme, string Name, double Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Tags text with the themes of a taxonomy by two methods a person can check and correct in the theme
/// file: phrase rules (the text says one of the theme's phrases) and similarity (the text's words are
/// like those of the theme's name, description, phrases and examples, by TF-IDF cosine). There is no
/// list of which principle has which theme: every tag follows from the theme file and the text.
/// </summary>
public sealed class ThemeTagger
{
    /// <summary>
    /// How similar a text must be to a theme's description and examples to have the theme without saying
    /// one of its phrases. Below it, a text shares only a word or two with the theme.
    /// </summary>
    public const double SimilarityThreshold = 0.25;

    /// <summary>Similarity is mentioned among the reasons from this level up: lower values explain nothing.</summary>
    public const double SimilarityWorthMentioning = 0.1;

    /// <summary>
    /// What saying one of a theme's phrases adds to the score. A phrase is direct evidence, so any theme
    /// found by a phrase ranks above those found by similarity alone; among themes found by phrases, the
    /// more similar one ranks first.
    /// </summary>
    public const double PhraseWeight = 0.5;

    private readonly HashSet<string> _ignoredStems;
    private readonly CompiledTheme[] _themes;
    private readonly Dictionary<string, double> _idf;
    private readonly double _unseenIdf;

    // The themes' TF-IDF vectors, computed once: for each stem of the taxonomy's vocabulary, its weight
    // in every theme, so that a text's similarity to all themes costs one lookup per word of the text.
    private readonly Dictionary<string, int> _vocabulary;
    private readonly double[][] _themeWeightsByStem;

    public ThemeTagger(ThemeTaxonomy taxonomy)
    {
        Taxonomy = taxonomy;
        _ignoredStems = [.. taxonomy.IgnoredWords.SelectMany(w => Words.MeaningfulStems(w))];

        // The theme texts are the collection IDF is counted over: a word many themes use ("people",
        // "serve") tells themes apart less than a word only one uses ("loan").
        var profiles = taxonomy.Themes.Select(t => StemsOf(ProfileText(t)).ToList()).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stem in profiles.SelectMany(p => p.Distinct()))
        {
            documentFrequency[stem] = documentFrequency.GetValueOrDefault(stem) + 1;
        }

        _idf = documentFrequency.ToDictionary(kv => kv.Key, kv => TermVector.Idf(kv.Value, profiles.Count), StringComparer.Ordinal);
        _unseenIdf = TermVector.Idf(0, profiles.Count);
        _themes = [.. taxonomy.Themes.Select(theme => new CompiledTheme(theme, [.. theme.Phrases.Select(p => new PhraseRule(p, AllWords(p)))]))];
        _vocabulary = documentFrequency.Keys.Select((stem, id) => (stem, id)).ToDictionary(x => x.stem, x => x.id, StringComparer.Ordinal);
        _themeWeightsByStem = [.. _vocabulary.Keys.Select(_ => new double[_themes.Length])];
        for (var t = 0; t < profiles.Count; t++)
        {
            foreach (var (stem, weight) in TermVector.From(profiles[t], Idf).Weights)
            {
                _themeWeightsByStem[_vocabulary[stem]][t] = weight;
            }
        }
    }

    public ThemeTaxonomy Taxonomy { get; }

    /// <summary>The themes of a text, the strongest first (ties in taxonomy order).</summary>
    public IReadOnlyList<ThemeTag> Tag(string text) => Tag(text, AllWords(text));

    /// <summary>A text's meaningful words and its themes, from one reading: the crosswalk needs both.</summary>
    internal (List<Word> MeaningfulWords, IReadOnlyList<ThemeTag> Themes) Read(string text)
    {
        var words = AllWords(text);
        return ([.. words.Where(w => !w.IsSmall)], Tag(text, words));
    }

    private List<ThemeTag> Tag(string text, List<Word> words)
    {
        var stems = words.Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
        var similarities = Similarities(TermVector.From(words.Where(w => !w.IsSmall).Select(w => w.Stem), Idf));
        var tags = new List<ThemeTag>();
        for (var t = 0; t < _themes.Length; t++)
        {
            var theme = _themes[t];
            var reasons = Quotes(text, words, stems, theme.Phrases);
            var similarity = similarities[t];
            var byPhrase = reasons.Count > 0;
            if (!byPhrase && similarity < SimilarityThreshold)
            {
                continue;
            }

            if (similarity >= SimilarityWorthMentioning)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"similar to the theme's description and examples ({similarity:0.00})"));
            }

            var score = Math.Min(1.0, similarity + (byPhrase ? PhraseWeight : 0));
            tags.Add(new ThemeTag(theme.Theme.Id, theme.Theme.Name, Math.Round(score, 3), reasons));
        }

        // A stable sort keeps taxonomy order among equal scores.
        return [.. tags.OrderByDescending(t => t.Score)];
    }

    /// <summary>The cosine of a text's vector with every theme's, in taxonomy order.</summary>
    private double[] Similarities(TermVector text)
    {
        var similarities = new double[_themes.Length];
        foreach (var (stem, weight) in text.Weights)
        {
            if (_vocabulary.TryGetValue(stem, out var id))
            {
                var themeWeights = _themeWeightsByStem[id];
                for (var t = 0; t < similarities.Length; t++)
                {
                    similarities[t] += weight * themeWeights[t];
                }
            }
        }

        // Rounding can push the cosine of a text with itself a hair over 1.
        for (var t = 0; t < similarities.Length; t++)
        {
            similarities[t] = Math.Min(1.0, similarities[t]);
        }

        return similarities;
    }

    /// <summary>
    /// "mentions '…'" for each place the text says one of the phrases, quoted as written. Where one match
    /// lies within another ("personal conduct" in "high standards of personal conduct") only the longer
    /// is quoted.
    /// </summary>
    private static List<string> Quotes(string text, List<Word> words, HashSet<string> stems, IReadOnlyList<PhraseRule> phrases)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var rule in phrases)
        {
            if (rule.Match(words, stems) is var (first, last))
            {
                spans.Add((words[first].Start, words[last].End));
            }
        }

        if (spans.Count == 0)
        {
            return [];
        }

        return [.. spans
            .Where(s => !spans.Any(o => o != s && o.Start <= s.Start && s.End <= o.End))
            .Distinct()
            .OrderBy(s => s.Start)
            .Select(s => $"mentions '{text[s.Start..s.End]}'")];
    }

    /// <summary>The words of a text that can carry meaning: not small words, not the taxonomy's ignored words.</summary>
    private List<Word> MeaningfulWords(string text) => [.. AllWords(text).Where(w => !w.IsSmall)];

    /// <summary>Every word of a text, with the taxonomy's ignored words counted as small words.</summary>
    private List<Word> AllWords(string text) =>
        [.. Words.Split(text).Select(w => !w.IsSmall && _ignoredStems.Contains(w.Stem) ? w with { IsSmall = true } : w)];

    private IEnumerable<string> StemsOf(string text) => MeaningfulWords(text).Select(w => w.Stem);

    private double Idf(string stem) => _idf.TryGetValue(stem, out var idf) ? idf : _unseenIdf;

    private static string ProfileText(Theme theme) =>
        string.Join("\n", [theme.Name, theme.Description, .. theme.Phrases, .. theme.Examples]);

    private sealed record CompiledTheme(Theme Theme, IReadOnlyList<PhraseRule> Phrases);
}
