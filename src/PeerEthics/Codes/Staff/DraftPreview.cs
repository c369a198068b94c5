using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Codes.Diff;
using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;
using PeerEthics.Data;

namespace PeerEthics.Codes.Staff;

/// <summary>A parser warning with the line of the draft it points at, so a person can find it.</summary>
public sealed record DraftWarning(int Line, string Message, string? LineText);

/// <summary>
/// A draft as its preview shows it: the document as read, why it cannot be published (if it cannot), its
/// warnings, and how it differs from the version in force.
/// </summary>
public sealed record DraftPreview(
    Guid Id,
    string ProgramSlug,
    string ProgramName,
    string CodeSlug,
    string? FileName,
    string SubmittedBy,
    DateTimeOffset CreatedAt,
    string ContentHash,
    string Source,
    CodeVersionView Document,
    IReadOnlyDictionary<string, string[]> Problems,
    IReadOnlyList<DraftWarning> Warnings,
    CodeVersionView? InForce,
    VersionDiff? Difference,
    int? PublishedAs,
    int NextNumber)
{
    public ParsedCode Parsed => Document.Document;

    public bool CanPublish => Problems.Count == 0 && PublishedAs is null;
}

/// <summary>Reads a draft and works out everything its preview shows.</summary>
public sealed partial class DraftPreviewReader(PeerEthicsDb db, CodeReader reader, ThemeTagger tagger)
{
    public async Task<DraftPreview?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var draft = await db.CodeDrafts.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new
            {
                d.Id, d.SourceText, d.FileName, d.ContentHash, d.CreatedAt,
                SubmittedBy = d.CreatedByName ?? d.CreatedBy,
                ProgramSlug = d.Program.Slug,
                ProgramName = d.Program.Name,
                CodeSlug = d.Program.Code.Slug,
                d.Program.CodeId,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var parsed = CodeDocumentParser.Parse(draft.SourceText);
        IReadOnlyList<IReadOnlyList<ThemeTag>> themes = [.. parsed.Principles.Select(p => tagger.Tag(p.Text))];
        // A draft has no version yet; the document partial reads only the document and its themes.
        var document = new CodeVersionView(draft.CodeSlug, new VersionSummary(0, default, draft.CreatedAt, draft.ContentHash, parsed.Title ?? ""), false, [], parsed, themes);
        var versions = await db.CodeVersions.AsNoTracking()
            .Where(v => v.CodeId == draft.CodeId)
            .Select(v => new { v.Number, v.ContentHash })
            .ToListAsync(cancellationToken);
        var inForce = await reader.GetAsync(draft.CodeSlug, null, cancellationToken);
        return new DraftPreview(
            draft.Id, draft.ProgramSlug, draft.ProgramName, draft.CodeSlug, draft.FileName, draft.SubmittedBy, draft.CreatedAt, draft.ContentHash, draft.SourceText,
            document,
            CodePublisher.Validate(parsed)?.Errors ?? new Dictionary<string, string[]>(),
            Warnings(parsed, draft.SourceText),
            inForce,
            inForce is null ? null : VersionDiffer.Compare(inForce.Document, parsed),
            versions.FirstOrDefault(v => v.ContentHash == draft.ContentHash)?.Number,
            1 + (versions.Count == 0 ? 0 : versions.Max(v => v.Number)));
    }

    private static IReadOnlyList<DraftWarning> Warnings(ParsedCode parsed, string source)
    {
        var lines = LineBreak().Split(source);
        return [.. parsed.Warnings.Select(w => new DraftWarning(
            w.Line, w.Message, w.Line >= 1 && w.Line <= lines.Length && lines[w.Line - 1].Trim() is { Length: > 0 } text ? text : null))];
    }

    // The line numbers the parser gives count CRLF, CR and LF breaks alike.
    [GeneratedRegex("\r\n|\r|\n")]
    private static partial Regex LineBreak();
}
