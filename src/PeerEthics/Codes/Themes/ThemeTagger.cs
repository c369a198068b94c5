namespace PeerEthics.Codes.Themes;

/// <summary>One theme found in a principle, with the readable reasons it was found.</summary>
public sealed record ThemeTag(string Theme, string Name, double Score, IReadOnlyList<string> Reasons);

/// <summary>Tags text with ethical themes from the taxonomy by phrase rules and text similarity.</summary>
public sealed class ThemeTagger(ThemeTaxonomy taxonomy)
{
    public ThemeTaxonomy Taxonomy { get; } = taxonomy;

    // First cut: tags nothing. Phrase rules and similarity replace this.
    public IReadOnlyList<ThemeTag> Tag(string text) => [];
}
