using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;

namespace PeerEthics.Ledger.Pledges;

/// <summary>The outcome of saving a program's pledge template.</summary>
public abstract record PledgeTemplateOutcome
{
    public sealed record Saved(string Text) : PledgeTemplateOutcome;

    public sealed record Refused(IReadOnlyDictionary<string, string[]> Errors) : PledgeTemplateOutcome;
}

/// <summary>
/// A program's signing settings in force: the pledge template (saved by staff, or the shipped default) and whether
/// signatures record an IP address. <c>Version</c> is the saved version; 0 when staff never saved one (the shipped
/// default, no IP address).
/// </summary>
public sealed record SigningSettings(int Version, string Text, bool RecordIpAddress, DateTimeOffset? SavedAt, string? SavedBy)
{
    public bool IsDefault => Version == 0;
}

/// <summary>Each program's pledge template and signing settings: the latest version staff saved, or the shipped default. Every save is a new version.</summary>
public sealed class PledgeTemplates(PeerEthicsDb db, TimeProvider clock, AuditLog audit)
{
    public async Task<string> ForProgramAsync(string program, CancellationToken cancellationToken = default) =>
        (await SettingsAsync(program, cancellationToken)).Text;

    /// <summary>The settings in force for a program: its latest saved version, else the shipped default (no IP address).</summary>
    public async Task<SigningSettings> SettingsAsync(string program, CancellationToken cancellationToken = default) =>
        await db.ProgramPledgeTemplates.AsNoTracking()
            .Where(t => t.Program.Slug == program)
            .OrderByDescending(t => t.Version)
            .Select(t => new SigningSettings(t.Version, t.Text, t.RecordIpAddress, t.UpdatedAt, t.UpdatedBy))
            .FirstOrDefaultAsync(cancellationToken)
        ?? new SigningSettings(0, PledgeTemplate.Default(), false, null, null);

    /// <summary>Every saved version of a program's settings, the latest first.</summary>
    public async Task<IReadOnlyList<SigningSettings>> HistoryAsync(string program, CancellationToken cancellationToken = default) =>
        await db.ProgramPledgeTemplates.AsNoTracking()
            .Where(t => t.Program.Slug == program)
            .OrderByDescending(t => t.Version)
            .Select(t => new SigningSettings(t.Version, t.Text, t.RecordIpAddress, t.UpdatedAt, t.UpdatedBy))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Saves a new version of a program's template (and whether signatures record the IP address) after checking it;
    /// refuses (and changes nothing) with the reasons, by field. Older versions are kept as they were.
    /// </summary>
    public async Task<PledgeTemplateOutcome> SaveAsync(string program, string? text, string? updatedBy, bool recordIpAddress = false, CancellationToken cancellationToken = default)
    {
        var programId = await db.Programs.Where(p => p.Slug == program).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (programId is null)
        {
            return new PledgeTemplateOutcome.Refused(new Dictionary<string, string[]> { ["program"] = [$"There is no program '{program}'."] });
        }

        if (PledgeTemplate.Problems(text) is { Count: > 0 } problems)
        {
            return new PledgeTemplateOutcome.Refused(new Dictionary<string, string[]> { ["text"] = [.. problems] });
        }

        var latest = await db.ProgramPledgeTemplates.Where(t => t.ProgramId == programId).MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;
        var template = new ProgramPledgeTemplate
        {
            ProgramId = programId.Value,
            Version = latest + 1,
            Text = text!.Trim(),
            RecordIpAddress = recordIpAddress,
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = updatedBy,
        };
        db.ProgramPledgeTemplates.Add(template);
        audit.Record("program.pledge-template-saved", $"program:{program}",
            detail: $"version {template.Version}; IP address {(recordIpAddress ? "recorded" : "not recorded")}");
        await db.SaveChangesAsync(cancellationToken);
        return new PledgeTemplateOutcome.Saved(template.Text);
    }
}
