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

/// <summary>Each program's pledge template: the one staff saved, or the shipped default.</summary>
public sealed class PledgeTemplates(PeerEthicsDb db, TimeProvider clock, AuditLog audit)
{
    public async Task<string> ForProgramAsync(string program, CancellationToken cancellationToken = default) =>
        await db.ProgramPledgeTemplates.AsNoTracking()
            .Where(t => t.Program.Slug == program)
            .Select(t => t.Text)
            .FirstOrDefaultAsync(cancellationToken)
        ?? PledgeTemplate.Default();

    /// <summary>Saves a program's template after checking it; refuses (and changes nothing) with the reasons, by field.</summary>
    public async Task<PledgeTemplateOutcome> SaveAsync(string program, string? text, string? updatedBy, CancellationToken cancellationToken = default)
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

        var template = await db.ProgramPledgeTemplates.FirstOrDefaultAsync(t => t.ProgramId == programId, cancellationToken);
        if (template is null)
        {
            template = new ProgramPledgeTemplate { ProgramId = programId.Value, Text = text!.Trim() };
            db.ProgramPledgeTemplates.Add(template);
        }

        template.Text = text!.Trim();
        template.UpdatedAt = clock.GetUtcNow();
        template.UpdatedBy = updatedBy;
        audit.Record("program.pledge-template-saved", $"program:{program}");
        await db.SaveChangesAsync(cancellationToken);
        return new PledgeTemplateOutcome.Saved(template.Text);
    }
}
