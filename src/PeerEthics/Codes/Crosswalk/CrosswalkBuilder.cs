using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;

namespace PeerEthics.Codes.Crosswalk;

public sealed record CrosswalkPair(ParsedPrinciple Left, ParsedPrinciple Right, double Score, IReadOnlyList<string> Themes, IReadOnlyList<string> SharedWords);

public sealed record CodeCrosswalk(IReadOnlyList<CrosswalkPair> Pairs, IReadOnlyList<ParsedPrinciple> OnlyLeft, IReadOnlyList<ParsedPrinciple> OnlyRight);

/// <summary>Pairs the principles of two codes that say the same thing.</summary>
public sealed class CrosswalkBuilder(ThemeTagger tagger)
{
    public ThemeTagger Tagger { get; } = tagger;

    public CodeCrosswalk Compute(IReadOnlyList<ParsedPrinciple> left, IReadOnlyList<ParsedPrinciple> right) =>
        throw new NotImplementedException("crosswalk: in progress");
}
