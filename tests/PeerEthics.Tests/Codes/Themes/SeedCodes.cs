using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;

namespace PeerEthics.Tests.Codes.Themes;

/// <summary>The two codes that ship with the app, read by the app's own parser, and the shipped themes.</summary>
public static class SeedCodes
{
    private static readonly Lazy<ThemeTagger> SharedTagger = new(() => new ThemeTagger(ThemeTaxonomy.LoadShipped()));

    public static ThemeTagger Tagger => SharedTagger.Value;

    public static IReadOnlyList<ParsedPrinciple> Massachusetts { get; } = Read("massachusetts-cps-code-of-ethics.txt");

    public static IReadOnlyList<ParsedPrinciple> Missouri { get; } = Read("missouri-cmps-code-of-ethics.txt");

    public static IReadOnlyList<ParsedPrinciple> Code(string name) => name switch
    {
        "MA" => Massachusetts,
        "MO" => Missouri,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "MA or MO"),
    };

    /// <summary>The principle printed with this number ("11" finds "11.").</summary>
    public static ParsedPrinciple Principle(string code, int number) =>
        Code(code).Single(p => p.Label.TrimEnd('.') == number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static List<ParsedPrinciple> Read(string file) =>
        [.. CodeDocumentParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", "codes", file))).Principles];
}
