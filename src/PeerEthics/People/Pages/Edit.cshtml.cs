using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

/// <summary>Changing a person's details: names, contact details, employer, supervisor, the account they sign in with.</summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class EditPersonModel(PeopleDirectory people) : PageModel
{
    [BindProperty]
    public PersonForm Form { get; set; } = new();

    public FieldErrors Errors { get; } = new();

    public int Id { get; private set; }

    /// <summary>The name the person has now (not what the form says), for the heading and the way back.</summary>
    public string Name { get; private set; } = "";

    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name, string? Organisation)> Supervisors { get; private set; } = [];

    public PersonFields Fields => new(Form, Errors, Organisations, Supervisors);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        // Audited like the person's page: the form shows their whole record.
        if (await people.ReadForStaffAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Form = PersonForm.From(person);
        return await ShowAsync(person, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        // The directory adds its own errors to those of reading the form, and changes nothing while there are any.
        switch (await people.UpdateAsync(id, Form.Read(Errors), Errors, cancellationToken))
        {
            case Outcome<PersonView>.Done:
                return Redirect($"/staff/people/{id}?updated=true");
            case Outcome<PersonView>.NotFound:
                return NotFound();
            default:
                return await people.LoadAsync(id, cancellationToken) is { } person ? await ShowAsync(person, cancellationToken) : NotFound();
        }
    }

    private async Task<IActionResult> ShowAsync(PersonView person, CancellationToken cancellationToken)
    {
        Id = person.Id;
        Name = person.LegalName;
        Organisations = await people.OrganisationsAsync(cancellationToken);
        Supervisors = await people.SupervisorsAsync(cancellationToken);
        return Page();
    }
}
