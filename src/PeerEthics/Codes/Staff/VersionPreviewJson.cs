using PeerEthics.Codes.Import;

namespace PeerEthics.Codes.Staff;

/// <summary>
/// A dry run as the API and <c>codes publish --dry-run --format json</c> give it: what publishing would make, and
/// everything a person should check first.
/// </summary>
public sealed record VersionPreviewJson(
    string Code,
    string Program,
    int WouldBeVersion,
    int? AlreadyPublishedAs,
    bool CanPublish,
    IReadOnlyDictionary<string, string[]> Problems,
    DateOnly? Effective,
    DateOnly? EarliestEffective,
    string ContentHash,
    LosslessResult Lossless,
    IReadOnlyList<DraftWarning> Warnings,
    VersionDiffJson? ChangesFromVersionInForce,
    CodeDocumentJson Document)
{
    public static VersionPreviewJson From(DocumentPreview preview, DateOnly? effective) => new(
        preview.CodeSlug,
        preview.ProgramSlug,
        preview.NextNumber,
        preview.PublishedAs,
        preview.CanPublish,
        preview.Problems,
        effective,
        preview.Earliest?.Date,
        preview.ContentHash,
        preview.Lossless,
        preview.Warnings,
        preview.InForce is { } inForce && preview.Difference is { } diff
            ? VersionDiffJson.Create(preview.CodeSlug, inForce.Version.Number, preview.NextNumber, diff)
            : null,
        preview.Document.ToJson());
}
