using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

public sealed class SupervisorForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? OrganisationId { get; set; }
}

public sealed record SupervisorRow(int Id, string Name, string? Organisation, string? Email, string? Phone, int People, string? AccountEmail);

/// <summary>Supervisors: the list, and a form to add one (then chosen as a person's supervisor).</summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class SupervisorsModel(PeopleDirectory people, PeerEthicsDb db) : PageModel
{
    private static readonly string[] FieldOrder = ["name", "email", "phone", "organisationId"];

    [BindProperty]
    public SupervisorForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Added { get; set; }

    /// <summary>A supervisor's account was just linked or unlinked (the notice after the account page's redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Linked { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    public IReadOnlyList<SupervisorRow> Supervisors { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var organisationId = FormValues.ChosenId(Form.OrganisationId, "organisationId", "Choose an organisation from the list, or none.", errors);
        switch (await people.AddSupervisorAsync(Form.Name, Form.Email, Form.Phone, organisationId, errors, cancellationToken))
        {
            case Outcome<int>.Done:
                return Redirect("/staff/supervisors?added=true");
            case Outcome<int>.Refused(var refused):
                Errors = refused.InFormOrder(FieldOrder);
                await LoadAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Supervisors = await db.Supervisors.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SupervisorRow(s.Id, s.Name, s.Organisation!.Name, s.Email, s.Phone, db.People.Count(p => p.SupervisorId == s.Id),
                db.Users.Where(u => u.Id == s.UserId).Select(u => u.Email).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        Organisations = await people.OrganisationsAsync(cancellationToken);
    }
}
