using BenchmarkDotNet.Attributes;
using PeerEthics.Codes.Crosswalk;
using PeerEthics.Codes.Diff;
using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;

namespace PeerEthics.Bench;

/// <summary>
/// The crosswalk of two 50-principle codes must take under 20 ms, tagging included; the diff of two
/// 50-principle versions is measured beside it. The codes are generated from the seeds' wording with
/// words swapped, dropped and added, so that phrase rules, similarity and pairing all do real work.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class CrosswalkBenchmarks
{
    private CrosswalkBuilder _builder = null!;
    private ThemeTaxonomy _taxonomy = null!;
    private IReadOnlyList<ParsedPrinciple> _left = [];
    private IReadOnlyList<ParsedPrinciple> _right = [];
    private ParsedCode _older = null!;
    private ParsedCode _newer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _taxonomy = ThemeTaxonomy.LoadShipped();
        _builder = new CrosswalkBuilder(new ThemeTagger(_taxonomy));
        var seeds = SeedTexts();
        _left = Generate(seeds, 50, new Random(1));
        _right = Generate(seeds, 50, new Random(2));
        _older = Version(_left);

        // A new edition: two principles inserted, one removed, five reworded, the rest renumbered.
        var edited = _left.Select(p => p.Text).ToList();
        var random = new Random(3);
        for (var i = 0; i < 5; i++)
        {
            var k = random.Next(edited.Count);
            edited[k] = Mutate(edited[k], random);
        }

        edited.RemoveAt(30);
        edited.Insert(10, "Specialists will tell the program of any change in their certification.");
        edited.Insert(20, "Specialists will keep records of their supervision sessions.");
        _newer = Version([.. edited.Select((text, i) => Principle(i, text))]);
    }

    [Benchmark(Description = "Crosswalk of two 50-principle codes")]
    public CodeCrosswalk Crosswalk() => _builder.Compute(_left, _right);

    [Benchmark(Description = "Tagging the themes of 50 principles")]
    public int Tagging() => _left.Sum(p => _builder.Tagger.Tag(p.Text).Count);

    [Benchmark(Description = "Building the tagger from the taxonomy (once per process)")]
    public ThemeTagger TaggerCache() => new(_taxonomy);

    [Benchmark(Description = "Diff of two 50-principle versions")]
    public VersionDiff Diff() => VersionDiffer.Compare(_older, _newer);

    private static List<string> SeedTexts()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "content", "codes");
        return [.. Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(file => CodeDocumentParser.Parse(File.ReadAllText(file)).Principles.Select(p => p.Text))];
    }

    private static List<ParsedPrinciple> Generate(List<string> seeds, int count, Random random) =>
        [.. Enumerable.Range(0, count).Select(i => Principle(i, Mutate(seeds[random.Next(seeds.Count)], random)))];

    /// <summary>Swaps, drops and adds about one word in five, so no two generated principles read alike.</summary>
    private static string Mutate(string text, Random random)
    {
        string[] extra = ["always", "promptly", "colleagues", "program", "community", "support", "fairly", "records", "safety", "training"];
        var words = text.Split(' ').ToList();
        for (var i = 0; i < words.Count; i++)
        {
            switch (random.Next(15))
            {
                case 0:
                    words[i] = extra[random.Next(extra.Length)];
                    break;
                case 1 when words.Count > 5:
                    words.RemoveAt(i);
                    break;
                case 2:
                    words.Insert(i, extra[random.Next(extra.Length)]);
                    i++;
                    break;
            }
        }

        return string.Join(' ', words);
    }

    private static ParsedPrinciple Principle(int index, string text) => new($"{index + 1}.", false, text, null, null, null, index + 1);

    private static ParsedCode Version(IReadOnlyList<ParsedPrinciple> principles) =>
        new("Generated code", null, [], [], principles, null, [], [], [], [], []);
}
