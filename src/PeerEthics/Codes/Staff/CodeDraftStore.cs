using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Codes.Import;
using PeerEthics.Data;

namespace PeerEthics.Codes.Staff;

/// <summary>A draft in the list: what it is, who gave it, and which version it became, if any.</summary>
public sealed record DraftSummary(
    Guid Id, string ProgramName, string CodeSlug, string? FileName, string SubmittedBy, DateTimeOffset CreatedAt, int? PublishedAs);

/// <summary>Keeps and discards drafts. Each change is audited in the same save as the change itself.</summary>
public sealed class CodeDraftStore(PeerEthicsDb db, TimeProvider clock, AuditLog audit)
{
    public const string Created = "code.draft-created";
    public const string Discarded = "code.draft-discarded";

    /// <summary>Stores a submitted document as it is; the text has already passed <see cref="CodeDocumentBytes"/>'s rules.</summary>
    public async Task<CodeDraft> CreateAsync(int programId, string source, string? fileName, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => p.Slug).SingleAsync(cancellationToken);
        var draft = new CodeDraft
        {
            Id = Guid.CreateVersion7(now),
            ProgramId = programId,
            SourceText = source,
            FileName = fileName,
            ContentHash = CodeText.Hash(source),
            CreatedBy = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
            CreatedByName = user.Identity?.Name,
            CreatedAt = now,
        };
        db.CodeDrafts.Add(draft);
        // What was submitted, never its content: the program, where it came from, its size and fingerprint.
        var from = fileName is null ? "pasted text" : $"file {fileName}";
        audit.Record(Created, Target(draft.Id), detail: string.Create(CultureInfo.InvariantCulture,
            $"program {program}, {from}, {source.Length} characters, sha256 {draft.ContentHash}"));
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>Deletes a draft; false when there is none with this id. A version published from it stays.</summary>
    public async Task<bool> DiscardAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var draft = await db.CodeDrafts.Include(d => d.Program).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
        {
            return false;
        }

        db.CodeDrafts.Remove(draft);
        audit.Record(Discarded, Target(id), detail: $"program {draft.Program.Slug}, sha256 {draft.ContentHash}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<DraftSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.CodeDrafts.AsNoTracking()
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new DraftSummary(
                d.Id,
                d.Program.Name,
                d.Program.Code.Slug,
                d.FileName,
                d.CreatedByName ?? d.CreatedBy,
                d.CreatedAt,
                db.CodeVersions.Where(v => v.CodeId == d.Program.CodeId && v.ContentHash == d.ContentHash).Select(v => (int?)v.Number).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    public static string Target(Guid id) => $"code-draft:{id}";
}
