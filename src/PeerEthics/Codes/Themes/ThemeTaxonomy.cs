namespace PeerEthics.Codes.Themes;

public sealed record Theme(string Id, string Name, string Description);

/// <summary>The ethical themes codes are compared by, loaded from a file people can read and correct.</summary>
public sealed class ThemeTaxonomy(IReadOnlyList<Theme> themes)
{
    public IReadOnlyList<Theme> Themes { get; } = themes;

    // First cut: no themes. The taxonomy file and its loader replace this.
    public static ThemeTaxonomy LoadShipped() => new([]);
}
