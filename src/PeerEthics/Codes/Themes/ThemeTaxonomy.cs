using System.Text.RegularExpressions;

namespace PeerEthics.Codes.Themes;

/// <summary>
/// An ethical theme. <see cref="Phrases"/> are the phrase rules: a principle that says one of them has
/// the theme. <see cref="Examples"/> are typical wordings, which with the name and description make the
/// text a principle is compared with for similarity.
/// </summary>
public sealed record Theme(string Id, string Name, string Description)
{
    public IReadOnlyList<string> Phrases { get; init; } = [];

    public IReadOnlyList<string> Examples { get; init; } = [];
}

/// <summary>A theme file that cannot be used, with a message naming the theme and the field at fault.</summary>
public sealed class ThemeTaxonomyException(string message) : Exception(message);

/// <summary>
/// The ethical themes codes are compared by, loaded from a file people can read and correct
/// (<c>content/themes.yaml</c>). <see cref="IgnoredWords"/> are words that say whom a code binds
/// ("certified", "peer", "specialist") rather than what it asks; they never count as shared meaning.
/// </summary>
public sealed partial class ThemeTaxonomy
{
    public ThemeTaxonomy(IReadOnlyList<Theme> themes, IReadOnlyList<string>? ignoredWords = null)
    {
        IgnoredWords = ignoredWords ?? [];
        Validate(themes, IgnoredWords);
        Themes = themes;
    }

    public IReadOnlyList<Theme> Themes { get; }

    public IReadOnlyList<string> IgnoredWords { get; }

    public Theme? Find(string id) => Themes.FirstOrDefault(t => t.Id == id);

    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "content", "themes.yaml");

    /// <summary>The themes that ship with the app.</summary>
    public static ThemeTaxonomy LoadShipped() => Load(ShippedPath);

    public static ThemeTaxonomy Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ThemeTaxonomyException($"The theme file {path} does not exist.");
        }

        return ThemeTaxonomyReader.Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Reads themes from YAML text; <paramref name="source"/> names it in error messages.</summary>
    public static ThemeTaxonomy Parse(string yaml, string source = "themes.yaml") => ThemeTaxonomyReader.Parse(yaml, source);

    private static void Validate(IReadOnlyList<Theme> themes, IReadOnlyList<string> ignoredWords)
    {
        var ignoredStems = ignoredWords.SelectMany(Words.MeaningfulStems).ToHashSet(StringComparer.Ordinal);
        if (themes.Count == 0)
        {
            throw new ThemeTaxonomyException("There are no themes: give at least one under 'themes'.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < themes.Count; i++)
        {
            var theme = themes[i];
            var who = string.IsNullOrWhiteSpace(theme.Id) ? $"Theme #{i + 1}" : $"Theme '{theme.Id}'";
            if (string.IsNullOrWhiteSpace(theme.Id))
            {
                throw new ThemeTaxonomyException($"{who}: 'id' is missing; give a short kebab-case name such as 'privacy-confidentiality'.");
            }

            if (!KebabCase().IsMatch(theme.Id))
            {
                throw new ThemeTaxonomyException($"{who}: 'id' must be kebab-case (lower-case words joined by hyphens, such as 'privacy-confidentiality').");
            }

            if (!seen.Add(theme.Id))
            {
                throw new ThemeTaxonomyException($"{who}: 'id' is used by an earlier theme too; each theme needs its own id.");
            }

            if (string.IsNullOrWhiteSpace(theme.Name))
            {
                throw new ThemeTaxonomyException($"{who}: 'name' is missing; give the plain-language name people will read.");
            }

            if (string.IsNullOrWhiteSpace(theme.Description))
            {
                throw new ThemeTaxonomyException($"{who}: 'description' is missing; say in a sentence or two what the theme covers.");
            }

            if (theme.Phrases.Count == 0 && theme.Examples.Count == 0)
            {
                throw new ThemeTaxonomyException($"{who}: give 'phrases' or 'examples' (or both), or no principle can be found to have this theme.");
            }

            foreach (var phrase in theme.Phrases)
            {
                if (Words.MeaningfulStems(phrase).All(ignoredStems.Contains))
                {
                    throw new ThemeTaxonomyException(
                        $"{who}: the phrase '{phrase}' in 'phrases' has only small words (like 'the', 'will', 'not') or words from 'ignored-words', so it would match almost anything.");
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
