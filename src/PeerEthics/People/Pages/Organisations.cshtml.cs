using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

public sealed class OrganisationForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

public sealed record OrganisationRow(int Id, string Name, string? Email, string? Phone, int People);

/// <summary>Employers: the list, and a form to add one (then chosen as a person's employer).</summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class OrganisationsModel(PeopleDirectory people, PeerEthicsDb db) : PageModel
{
    [BindProperty]
    public OrganisationForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Added { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        switch (await people.AddOrganisationAsync(Form.Name, Form.Email, Form.Phone, cancellationToken))
        {
            case Outcome<int>.Done:
                return Redirect("/staff/organisations?added=true");
            case Outcome<int>.Refused(var errors):
                Errors = errors;
                await LoadAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Email, o.Phone, db.People.Count(p => p.OrganisationId == o.Id)))
            .ToListAsync(cancellationToken);
}
