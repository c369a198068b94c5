using System.Text;
using System.Text.Json;
using PeerEthics.Codes.Import;

namespace PeerEthics.Tests.Codes.Import;

/// <summary>Reads test documents byte for byte, and checks what must hold of every parse.</summary>
internal static class CodeDocuments
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Codes", "Corpus");

    public static IEnumerable<string> CorpusFiles => Directory.EnumerateFiles(CorpusDirectory, "*.txt").Select(Path.GetFileName).Order()!;

    /// <summary>
    /// A corpus document exactly as stored. Decoding the bytes directly (not through a StreamReader) keeps a
    /// byte-order mark in the string, so the parser, not the test, has to deal with it.
    /// </summary>
    public static string Corpus(string file) => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(CorpusDirectory, file)));

    /// <summary>A code document shipped with the app (copied to the test output from the app project).</summary>
    public static string Seed(string file) => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "content", "codes", file)));

    /// <summary>
    /// The words of a text: maximal runs of characters that are not white space (NBSP and the other Unicode
    /// spaces count as white space), after removing byte-order marks. Written here independently of the parser.
    /// </summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (c == '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Every word of the source is in exactly one element, in document order: nothing dropped, added or moved.</summary>
    public static void AssertLossless(string source, ParsedCode parsed)
    {
        var expected = Words(source);
        var actual = parsed.Elements.SelectMany(e => Words(e.Text)).ToList();
        var length = Math.Min(expected.Count, actual.Count);
        var first = 0;
        while (first < length && string.Equals(expected[first], actual[first], StringComparison.Ordinal))
        {
            first++;
        }

        if (first == expected.Count && first == actual.Count)
        {
            return;
        }

        string Around(List<string> words) => string.Join(' ', words.Skip(Math.Max(0, first - 5)).Take(10));
        Assert.Fail($"The elements do not hold the source's words ({expected.Count} in the source, {actual.Count} in the elements); "
            + $"they differ at word {first}.\nsource:   …{Around(expected)}…\nelements: …{Around(actual)}…");
    }

    /// <summary>The views agree with the elements: principles, sections, preamble and other text are elements of their kind.</summary>
    public static void AssertConsistent(ParsedCode parsed)
    {
        Assert.All(parsed.Elements, e => Assert.NotEmpty(Words(e.Text)));
        Assert.True(parsed.Elements.Select(e => e.Line).SequenceEqual(parsed.Elements.Select(e => e.Line).Order()), "elements are in document order");

        var principleElements = parsed.Elements.Where(e => e.Kind == ElementKind.Principle).ToList();
        Assert.Equal(principleElements.Count, parsed.Principles.Count);
        foreach (var (principle, element) in parsed.Principles.Zip(principleElements))
        {
            Assert.EndsWith(principle.Text, element.Text, StringComparison.Ordinal);
            if (!principle.LabelSynthesized)
            {
                Assert.StartsWith(principle.Label, element.Text, StringComparison.Ordinal);
            }
        }

        Assert.Equal(parsed.Sections.Select(s => s.Heading), parsed.Elements.Where(e => e.Kind == ElementKind.SectionHeading).Select(e => e.Text));
        Assert.Equal(parsed.Preamble, parsed.Elements.Where(e => e.Kind == ElementKind.Preamble).Select(e => e.Text));
        Assert.Equal(parsed.OtherText, parsed.Elements.Where(e => e.Kind == ElementKind.OtherText).Select(e => e.Text));
        Assert.Equal(parsed.Title, parsed.Elements.FirstOrDefault(e => e.Kind == ElementKind.Title)?.Text);
        Assert.Equal(parsed.Pledge is null, parsed.Elements.All(e => e.Kind != ElementKind.Pledge));
        Assert.All(parsed.Warnings, w => Assert.True(w.Line >= 1, $"warning line {w.Line} is a line number"));
    }

    /// <summary>Serializes with the web defaults the app stores documents with, and reads the JSON back.</summary>
    public static ParsedCode RoundTrip(ParsedCode parsed, out string json)
    {
        json = JsonSerializer.Serialize(parsed, _json);
        return JsonSerializer.Deserialize<ParsedCode>(json, _json)!;
    }

    public static string ToJson(ParsedCode parsed) => JsonSerializer.Serialize(parsed, _json);

    /// <summary>Parses and checks everything that must hold of any parse.</summary>
    public static ParsedCode ParseChecked(string source)
    {
        var parsed = CodeDocumentParser.Parse(source);
        AssertLossless(source, parsed);
        AssertConsistent(parsed);
        return parsed;
    }
}
