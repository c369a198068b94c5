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
    CodeDocumentJson Document,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    Campaigns.CampaignStartedJson? Campaign = null)
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

/// <summary>A diff as the API gives it: every principle's change with its words, and the title, preamble and pledge.</summary>
public sealed record VersionDiffJson(
    string Code,
    int From,
    int To,
    bool HasChanges,
    TextChangeJson Title,
    TextChangeJson Preamble,
    TextChangeJson Pledge,
    IReadOnlyList<PrincipleChangeJson> Principles)
{
    public static VersionDiffJson Create(string code, int from, int to, VersionDiff diff) => new(
        code,
        from,
        to,
        diff.HasChanges,
        TextChangeJson.Create(diff.Title),
        TextChangeJson.Create(diff.Preamble),
        TextChangeJson.Create(diff.Pledge),
        [.. diff.Principles.Select(c => new PrincipleChangeJson(Name(c.Kind), c.From?.Label, c.To?.Label, c.Renumbered, Words(c.Words)))]);

    internal static string Name(ChangeKind kind) => kind.ToString().ToLowerInvariant();

    internal static IReadOnlyList<DiffWordJson> Words(IReadOnlyList<DiffWord> words) =>
        [.. words.Select(w => new DiffWordJson(w.Text, w.Kind.ToString().ToLowerInvariant()))];
}

public sealed record TextChangeJson(string Change, string? From, string? To, IReadOnlyList<DiffWordJson> Words)
{
    public static TextChangeJson Create(TextChange change) =>
        new(VersionDiffJson.Name(change.Kind), change.From, change.To, VersionDiffJson.Words(change.Words));
}

public sealed record PrincipleChangeJson(string Change, string? FromLabel, string? ToLabel, bool Renumbered, IReadOnlyList<DiffWordJson> Words);

public sealed record DiffWordJson(string Text, string Change);
