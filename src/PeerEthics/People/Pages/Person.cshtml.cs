using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

public sealed class OpenCredentialForm
{
    public string? Program { get; set; }
    public string? Status { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A person's record for staff. Every view is audited (<c>person.viewed</c>).</summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class PersonModel(PeopleDirectory people, CredentialLifecycle credentials, PeerEthicsDb db, Campaigns.CampaignDashboard campaigns) : PageModel
{
    public PersonView Person { get; private set; } = null!;

    public DateOnly Today => credentials.Today;

    /// <summary>New code versions of re-commitment campaigns the person has not signed (flagged when overdue).</summary>
    public IReadOnlyList<Campaigns.PersonCampaign> CommitmentsDue { get; private set; } = [];

    public IReadOnlyList<(string Slug, string Name)> OpenablePrograms { get; private set; } = [];

    [BindProperty]
    public OpenCredentialForm Open { get; set; } = new();

    public FieldErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Changed { get; set; }

    /// <summary>The person's details were just changed (the notice after the edit page's redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Updated { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken)
    {
        switch (await credentials.OpenAsync(id, new CredentialInput(Open.Program, Open.Status, Open.Reason), cancellationToken))
        {
            case Outcome<CredentialView>.Done:
                return Redirect($"/staff/people/{id}?changed=true");
            case Outcome<CredentialView>.Refused(var errors):
                foreach (var (field, message) in errors.All)
                {
                    Errors.Add(field, message);
                }

                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await people.ReadForStaffAsync(id, cancellationToken) is not { } person)
        {
            return false;
        }

        Person = person;
        CommitmentsDue = await campaigns.UnsignedForPersonAsync(id, cancellationToken);
        var held = person.Credentials.Select(c => c.ProgramSlug).ToHashSet();
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Slug, p.Name }).ToListAsync(cancellationToken);
        OpenablePrograms = [.. programs.Where(p => !held.Contains(p.Slug)).Select(p => (p.Slug, p.Name))];
        return true;
    }
}
