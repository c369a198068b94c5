using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

public sealed class PersonForm
{
    public string? LegalName { get; set; }
    public string? PreferredName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PostalAddress { get; set; }
    public string? OrganisationId { get; set; }
    public string? SupervisorId { get; set; }
    public string? UserEmail { get; set; }

    public static PersonForm From(PersonView person) => new()
    {
        LegalName = person.LegalName,
        PreferredName = person.PreferredName,
        Email = person.Email,
        Phone = person.Phone,
        PostalAddress = person.PostalAddress,
        OrganisationId = person.OrganisationId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SupervisorId = person.SupervisorId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        UserEmail = person.UserEmail,
    };

    public PersonInput Read(FieldErrors errors) => new(LegalName, PreferredName, Email, Phone, PostalAddress,
        FormValues.ChosenId(OrganisationId, "organisationId", "Choose an employer from the list, or none.", errors),
        FormValues.ChosenId(SupervisorId, "supervisorId", "Choose a supervisor from the list, or none.", errors), UserEmail);
}

/// <summary>What the person fields partial (<c>_PersonFields.cshtml</c>) shows: the form as typed, its errors, the lists to choose from.</summary>
public sealed record PersonFields(
    PersonForm Form, FieldErrors Errors, IReadOnlyList<(int Id, string Name)> Organisations, IReadOnlyList<(int Id, string Name, string? Organisation)> Supervisors);

[Authorize(Policy = Policies.ManagePeople)]
public sealed class NewPersonModel(PeopleDirectory people) : PageModel
{
    [BindProperty]
    public PersonForm Form { get; set; } = new();

    public FieldErrors Errors { get; } = new();

    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name, string? Organisation)> Supervisors { get; private set; } = [];

    public PersonFields Fields => new(Form, Errors, Organisations, Supervisors);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadListsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = Form.Read(Errors);
        if (await people.CreateAsync(input, Errors, cancellationToken) is Outcome<PersonView>.Done(var person))
        {
            return Redirect($"/staff/people/{person.Id}");
        }

        await LoadListsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        Organisations = await people.OrganisationsAsync(cancellationToken);
        Supervisors = await people.SupervisorsAsync(cancellationToken);
    }
}
