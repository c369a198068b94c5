using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;

namespace PeerEthics.Rules;

/// <summary>What saving a rule file came to.</summary>
public abstract record RuleSetSaveOutcome
{
    /// <summary>A new rule-set version was stored.</summary>
    public sealed record Saved(RuleSet RuleSet) : RuleSetSaveOutcome;

    /// <summary>The code already has a rule set with exactly this text; nothing was stored.</summary>
    public sealed record Unchanged(RuleSet RuleSet) : RuleSetSaveOutcome;

    /// <summary>Nothing was stored; each error names its line and column.</summary>
    public sealed record Refused(IReadOnlyList<RuleFileError> Errors) : RuleSetSaveOutcome;
}

public sealed record RuleSetSummary(int Version, string ContentHash, IReadOnlyList<int> CodeVersions, DateTimeOffset SavedAt, string? SavedBy);

/// <summary>Checks rule files against their code, and stores them as new rule-set versions.</summary>
public sealed class RuleSetStore(PeerEthicsDb db, TimeProvider clock, AuditLog audit)
{
    /// <summary>Reads a rule file and checks it against the code it names (or must name, when <paramref name="expectedCode"/> is given).</summary>
    public async Task<(RuleFile? File, IReadOnlyList<RuleFileError> Errors)> CheckAsync(string yaml, string? expectedCode, CancellationToken cancellationToken = default)
    {
        var read = RuleFileReader.Read(Normalize(yaml));
        if (!read.IsValid)
        {
            return (null, read.Errors);
        }

        var file = read.File!;
        var errors = RuleFileBinder.Check(file, expectedCode, await PrinciplesByVersionAsync(expectedCode ?? file.Code, cancellationToken));
        return errors.Count == 0 ? (file, errors) : (null, errors);
    }

    /// <summary>Saves the text as the next rule-set version of the code, if it is valid and new.</summary>
    public async Task<RuleSetSaveOutcome> SaveAsync(string code, string yaml, string? savedBy = null, CancellationToken cancellationToken = default)
    {
        var text = Normalize(yaml);
        var hash = StoredForm.Sha256Hex(text);
        // Already stored: it passed the checks when it was saved, and neither it nor the code versions it
        // reads can change since. (Every start offers the shipped files again; this keeps that cheap.)
        if (await db.RuleSets.AsNoTracking().Where(r => r.Code.Slug == code && r.ContentHash == hash).OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return new RuleSetSaveOutcome.Unchanged(existing);
        }

        var (file, errors) = await CheckAsync(text, code, cancellationToken);
        if (file is null)
        {
            return new RuleSetSaveOutcome.Refused(errors);
        }

        var codeId = await db.Codes.Where(c => c.Slug == code).Select(c => c.Id).SingleAsync(cancellationToken);

        var number = 1 + (await db.RuleSets.Where(r => r.CodeId == codeId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0);
        var ruleSet = new RuleSet
        {
            CodeId = codeId,
            Number = number,
            Yaml = text,
            ContentHash = hash,
            CodeVersions = string.Join(',', file.CodeVersions.Distinct().Order()),
            SavedAt = clock.GetUtcNow(),
            SavedBy = savedBy,
        };
        db.Add(ruleSet);
        audit.Record("rules.rule-set-saved", $"rules:{code}/{number}",
            detail: $"{file.Rules.Count} rules for code versions {ruleSet.CodeVersions}, sha256 {hash}");
        await db.SaveChangesAsync(cancellationToken);
        return new RuleSetSaveOutcome.Saved(ruleSet);
    }

    public async Task<IReadOnlyList<RuleSetSummary>> ListAsync(string code, CancellationToken cancellationToken = default)
    {
        var sets = await db.RuleSets.AsNoTracking()
            .Where(r => r.Code.Slug == code)
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.ContentHash, r.CodeVersions, r.SavedAt, r.SavedBy })
            .ToListAsync(cancellationToken);
        return [.. sets.Select(r => new RuleSetSummary(r.Number, r.ContentHash, RuleSet.VersionNumbers(r.CodeVersions), r.SavedAt, r.SavedBy))];
    }

    /// <summary>The newest rule set of a code (or the given version of it), with its text.</summary>
    public Task<RuleSet?> GetAsync(string code, int? version = null, CancellationToken cancellationToken = default) =>
        db.RuleSets.AsNoTracking()
            .Where(r => r.Code.Slug == code && (version == null || r.Number == version))
            .OrderByDescending(r => r.Number)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<bool> CodeExistsAsync(string code, CancellationToken cancellationToken = default) =>
        db.Codes.AnyAsync(c => c.Slug == code, cancellationToken);

    /// <summary>The published versions of a code with their principles, or null when there is no such code.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<PrincipleText>>?> PrinciplesByVersionAsync(string code, CancellationToken cancellationToken = default)
    {
        if (!await CodeExistsAsync(code, cancellationToken))
        {
            return null;
        }

        var versions = await db.CodeVersions.AsNoTracking().Where(v => v.Code.Slug == code).Select(v => v.Number).ToListAsync(cancellationToken);
        var principles = await db.Principles.AsNoTracking()
            .Where(p => p.CodeVersion.Code.Slug == code)
            .OrderBy(p => p.Ordinal)
            .Select(p => new { p.CodeVersion.Number, p.Label, p.Text })
            .ToListAsync(cancellationToken);
        return versions.ToDictionary(n => n, n => (IReadOnlyList<PrincipleText>)[.. principles.Where(p => p.Number == n).Select(p => new PrincipleText(p.Label, p.Text))]);
    }

    public static string Normalize(string yaml) => yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
