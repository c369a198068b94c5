using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Codes.Diff;
using PeerEthics.Codes.Import;
using PeerEthics.Codes.Themes;
using PeerEthics.Data;

namespace PeerEthics.Codes.Staff;

/// <summary>A parser warning with the line of the document it points at, so a person can find it.</summary>
public sealed record DraftWarning(int Line, string Message, string? LineText);

/// <summary>
/// A code document as it would be published as the next version of a program's code: the document as read,
/// why it cannot be published (if it cannot), its warnings, whether every word was kept, and how it differs
/// from the version in force. The staff pages show it for a draft; the API and the command line for a dry run.
/// </summary>
public sealed record DocumentPreview(
    string ProgramSlug,
    string ProgramName,
    string CodeSlug,
    string ContentHash,
    string Source,
    CodeVersionView Document,
    IReadOnlyDictionary<string, string[]> Problems,
    IReadOnlyList<DraftWarning> Warnings,
    LosslessResult Lossless,
    CodeVersionView? InForce,
    VersionDiff? Difference,
    int? PublishedAs,
    int NextNumber,
    EarliestEffective? Earliest)
{
    public ParsedCode Parsed => Document.Document;

    public bool CanPublish => Problems.Count == 0 && PublishedAs is null;

    /// <summary>Why a version of this document cannot take effect on <paramref name="effective"/>, or null when it can.</summary>
    public string? EffectiveProblem(DateOnly effective) =>
        Earliest is { } earliest && effective < earliest.Date ? earliest.Rule(effective) : null;
}

/// <summary>A draft as its page shows it: who gave it, how, when, and its preview.</summary>
public sealed record DraftPreview(Guid Id, string? FileName, string SubmittedBy, DateTimeOffset CreatedAt, DocumentPreview Of)
{
    public string ProgramSlug => Of.ProgramSlug;

    public string ProgramName => Of.ProgramName;

    public string CodeSlug => Of.CodeSlug;

    public ParsedCode Parsed => Of.Parsed;

    public int? PublishedAs => Of.PublishedAs;

    public bool CanPublish => Of.CanPublish;
}

/// <summary>Works out everything a preview shows, for a stored draft or for text given directly.</summary>
public sealed partial class DraftPreviewReader(PeerEthicsDb db, CodeReader reader, ThemeTagger tagger)
{
    public async Task<DraftPreview?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var draft = await db.CodeDrafts.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new
            {
                d.Id, d.SourceText, d.FileName, d.CreatedAt,
                SubmittedBy = d.CreatedByName ?? d.CreatedBy,
                Program = new ProgramOfCode(d.Program.Slug, d.Program.Name, d.Program.Code.Slug, d.Program.CodeId),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return draft is null
            ? null
            : new DraftPreview(draft.Id, draft.FileName, draft.SubmittedBy, draft.CreatedAt, await PreviewAsync(draft.Program, draft.SourceText, cancellationToken));
    }

    /// <summary>The preview of <paramref name="source"/> as the next version of a code, or null when there is no such code.</summary>
    public async Task<DocumentPreview?> PreviewAsync(string codeSlug, string source, CancellationToken cancellationToken = default) =>
        await ProgramOfCodeAsync(codeSlug, cancellationToken) is { } program ? await PreviewAsync(program, source, cancellationToken) : null;

    /// <summary>
    /// The program a code belongs to (the first by name, should several share one code): publishing goes through a
    /// program, pages and the API name the code.
    /// </summary>
    public async Task<ProgramOfCode?> ProgramOfCodeAsync(string codeSlug, CancellationToken cancellationToken = default) =>
        await db.Programs.AsNoTracking()
            .Where(p => p.Code.Slug == codeSlug)
            .OrderBy(p => p.Slug)
            .Select(p => new ProgramOfCode(p.Slug, p.Name, p.Code.Slug, p.CodeId))
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<DocumentPreview> PreviewAsync(ProgramOfCode program, string source, CancellationToken cancellationToken)
    {
        var parsed = CodeDocumentParser.Parse(source);
        var hash = CodeText.Hash(source);
        IReadOnlyList<IReadOnlyList<ThemeTag>> themes = [.. parsed.Principles.Select(p => tagger.Tag(p.Text))];
        // Not a version yet: the document partial reads only the document and its themes.
        var document = new CodeVersionView(program.CodeSlug, new VersionSummary(0, default, default, hash, parsed.Title ?? ""), false, [], parsed, themes);
        var versions = await db.CodeVersions.AsNoTracking()
            .Where(v => v.CodeId == program.CodeId)
            .Select(v => new { v.Number, v.ContentHash, v.EffectiveDate })
            .ToListAsync(cancellationToken);
        var inForce = await reader.GetAsync(program.CodeSlug, null, cancellationToken);
        var latest = versions.OrderBy(v => v.EffectiveDate).ThenBy(v => v.Number).LastOrDefault();
        return new DocumentPreview(
            program.Slug, program.Name, program.CodeSlug, hash, source,
            document,
            CodePublisher.Validate(parsed)?.Errors ?? new Dictionary<string, string[]>(),
            Warnings(parsed, source),
            LosslessCheck.Check(source, parsed),
            inForce,
            inForce is null ? null : VersionDiffer.Compare(inForce.Document, parsed),
            versions.FirstOrDefault(v => v.ContentHash == hash)?.Number,
            1 + (versions.Count == 0 ? 0 : versions.Max(v => v.Number)),
            latest is null ? null : new EarliestEffective(latest.EffectiveDate, latest.Number));
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

/// <summary>A program and the code it publishes versions of.</summary>
public sealed record ProgramOfCode(string Slug, string Name, string CodeSlug, int CodeId);
