using PeerEthics.Codes.Crosswalk;
using PeerEthics.Codes.Diff;

namespace PeerEthics.Codes;

public sealed record CodeVersionResponse(
    string Code,
    int Version,
    DateOnly EffectiveDate,
    DateTimeOffset PublishedAt,
    string ContentHash,
    bool InForce,
    IReadOnlyList<VersionSummary> Versions,
    CodeDocumentJson Document)
{
    public static CodeVersionResponse From(CodeVersionView view) => new(
        view.Code, view.Version.Number, view.Version.EffectiveDate, view.Version.PublishedAt, view.Version.ContentHash,
        view.InForce, view.AllVersions, view.ToJson());
}

/// <summary>A crosswalk as the API and <c>codes crosswalk --format json</c> give it; principles named by label.</summary>
public sealed record CrosswalkJson(string Left, string Right, IReadOnlyList<CrosswalkPairJson> Pairs, IReadOnlyList<string> OnlyLeft, IReadOnlyList<string> OnlyRight)
{
    public static CrosswalkJson From(string left, string right, CodeCrosswalk crosswalk) => new(
        left,
        right,
        [.. crosswalk.Pairs.Select(p => new CrosswalkPairJson(p.Left.Label, p.Right.Label, Math.Round(p.Score, 3), p.Themes, p.SharedWords))],
        [.. crosswalk.OnlyLeft.Select(p => p.Label)],
        [.. crosswalk.OnlyRight.Select(p => p.Label)]);
}

public sealed record CrosswalkPairJson(string Left, string Right, double Score, IReadOnlyList<string> Themes, IReadOnlyList<string> SharedWords);

public sealed record VersionDiffJson(string Code, int From, int To, IReadOnlyList<PrincipleChangeJson> Principles)
{
    public static VersionDiffJson Create(string code, int from, int to, VersionDiff diff) => new(
        code,
        from,
        to,
        [.. diff.Principles.Select(c => new PrincipleChangeJson(
            c.Kind.ToString().ToLowerInvariant(),
            c.From?.Label,
            c.To?.Label,
            [.. c.Words.Select(w => new DiffWordJson(w.Text, w.Kind.ToString().ToLowerInvariant()))]))]);
}

public sealed record PrincipleChangeJson(string Change, string? FromLabel, string? ToLabel, IReadOnlyList<DiffWordJson> Words);

public sealed record DiffWordJson(string Text, string Change);
