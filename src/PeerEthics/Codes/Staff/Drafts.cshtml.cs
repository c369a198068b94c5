using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;

namespace PeerEthics.Codes.Staff;

/// <summary>A code as the staff list shows it: its program, and every version with how it stands today.</summary>
public sealed record StaffCodeSummary(string Slug, string Title, string ProgramSlug, string ProgramName, IReadOnlyList<VersionSummary> Versions, VersionSummary? InForce);

/// <summary><c>/staff/codes</c>: every code with its versions, the drafts of new versions (newest first), and the way to add one.</summary>
[Authorize(Policy = Policies.ManageCodes)]
public sealed class DraftsModel(PeerEthicsDb db, CodeDraftStore drafts, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<StaffCodeSummary> Codes { get; private set; } = [];

    public IReadOnlyList<DraftSummary> Drafts { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Administrators also keep the audit trail: the page leads them there.</summary>
    public bool MayAdminister { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var programs = await db.Programs.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new
            {
                p.Slug,
                p.Name,
                CodeSlug = p.Code.Slug,
                p.Code.Title,
                Versions = p.Code.Versions.OrderBy(v => v.Number)
                    .Select(v => new VersionSummary(v.Number, v.EffectiveDate, v.PublishedAt, v.ContentHash, v.Title)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        Codes = [.. programs.Select(p => new StaffCodeSummary(p.CodeSlug, p.Title, p.Slug, p.Name, p.Versions, CodeReader.InForceOn(p.Versions, Today)))];
        Drafts = await drafts.ListAsync(cancellationToken);
        MayAdminister = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
    }

    /// <summary>"in force", "comes into force on 1 January 2027", "replaced": how a version stands today.</summary>
    public string Standing(StaffCodeSummary code, VersionSummary version) =>
        version == code.InForce ? "in force"
        : version.EffectiveDate > Today ? $"comes into force on {Web.Display.Date(version.EffectiveDate)}"
        : "replaced";
}
