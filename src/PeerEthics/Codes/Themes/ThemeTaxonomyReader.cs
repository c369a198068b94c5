using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PeerEthics.Codes.Themes;

/// <summary>
/// Reads the theme file. It walks the YAML by hand rather than binding it to classes so that every
/// mistake a person can make while editing — a misspelt field, a phrase list written as one line, a
/// missing description — is reported with the theme, the field and the line.
/// </summary>
internal static class ThemeTaxonomyReader
{
    private static readonly string[] ThemeFields = ["id", "name", "description", "phrases", "examples"];

    public static ThemeTaxonomy Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ThemeTaxonomyException($"{source}, line {e.Start.Line}: this is not valid YAML ({e.Message}).");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ThemeTaxonomyException($"{source}: expected 'ignored-words:' and 'themes:' at the top of the file.");
        }

        IReadOnlyList<string> ignored = [];
        YamlSequenceNode? themeNodes = null;
        foreach (var (key, value) in root.Children)
        {
            switch (Key(key))
            {
                case "ignored-words":
                    ignored = TextList(value, source, "The file", "ignored-words");
                    break;
                case "themes":
                    themeNodes = value as YamlSequenceNode
                        ?? throw new ThemeTaxonomyException($"{source}, line {value.Start.Line}: 'themes' must be a list, each theme starting with '- id:'.");
                    break;
                default:
                    throw new ThemeTaxonomyException($"{source}, line {key.Start.Line}: unknown field '{Key(key)}' at the top of the file; expected 'ignored-words' or 'themes'.");
            }
        }

        if (themeNodes is null)
        {
            throw new ThemeTaxonomyException($"{source}: there is no 'themes' list.");
        }

        var themes = themeNodes.Children.Select((node, i) => ReadTheme(node, i, source)).ToList();
        try
        {
            return new ThemeTaxonomy(themes, ignored);
        }
        catch (ThemeTaxonomyException e)
        {
            throw new ThemeTaxonomyException($"{source}: {e.Message}");
        }
    }

    private static Theme ReadTheme(YamlNode node, int index, string source)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new ThemeTaxonomyException($"{source}, line {node.Start.Line}: theme #{index + 1} must be a set of fields (id, name, description, phrases, examples).");
        }

        var id = mapping.Children.FirstOrDefault(c => Key(c.Key) == "id").Value is YamlScalarNode { Value: { } idText } ? idText.Trim() : null;
        var who = id is null ? $"theme #{index + 1}" : $"theme '{id}'";
        string? name = null, description = null;
        IReadOnlyList<string> phrases = [], examples = [];
        foreach (var (key, value) in mapping.Children)
        {
            var field = Key(key);
            switch (field)
            {
                case "id":
                    _ = Text(value, source, who, field);
                    break;
                case "name":
                    name = Text(value, source, who, field);
                    break;
                case "description":
                    description = Text(value, source, who, field);
                    break;
                case "phrases":
                    phrases = TextList(value, source, who, field);
                    break;
                case "examples":
                    examples = TextList(value, source, who, field);
                    break;
                default:
                    throw new ThemeTaxonomyException(
                        $"{source}, line {key.Start.Line}, {who}: unknown field '{field}'; a theme has {string.Join(", ", ThemeFields)}.");
            }
        }

        return new Theme(id ?? "", name ?? "", description ?? "") { Phrases = phrases, Examples = examples };
    }

    private static string Key(YamlNode key) => key is YamlScalarNode { Value: { } text } ? text : key.ToString();

    private static string Text(YamlNode value, string source, string who, string field) =>
        value is YamlScalarNode { Value: { } text }
            ? text.Trim()
            : throw new ThemeTaxonomyException($"{source}, line {value.Start.Line}, {who}: '{field}' must be text, not a list or a set of fields.");

    private static List<string> TextList(YamlNode value, string source, string who, string field)
    {
        if (value is not YamlSequenceNode sequence)
        {
            throw new ThemeTaxonomyException($"{source}, line {value.Start.Line}, {who}: '{field}' must be a list, one item per line starting with '- '.");
        }

        var items = new List<string>();
        foreach (var item in sequence.Children)
        {
            var text = item is YamlScalarNode { Value: { } t } ? t.Trim() : "";
            if (text.Length == 0)
            {
                throw new ThemeTaxonomyException($"{source}, line {item.Start.Line}, {who}: every item of '{field}' must be some text; this one is empty or not text.");
            }

            items.Add(text);
        }

        return items;
    }
}
