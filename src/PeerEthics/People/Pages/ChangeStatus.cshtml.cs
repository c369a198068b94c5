using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

public sealed class StatusChangeForm
{
    public string? Status { get; set; }
    public string? Reason { get; set; }
    public int? Version { get; set; }
}

[Authorize(Policy = Policies.ManagePeople)]
public sealed class ChangeStatusModel(PeopleDirectory people, CredentialLifecycle credentials) : PageModel
{
    public int PersonId { get; private set; }

    public string PersonName { get; private set; } = "";

    public CredentialView Credential { get; private set; } = null!;

    public DateOnly Today => credentials.Today;

    [BindProperty]
    public StatusChangeForm Form { get; set; } = new();

    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int credentialId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, credentialId, cancellationToken))
        {
            return NotFound();
        }

        Form.Version = Credential.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int credentialId, CancellationToken cancellationToken)
    {
        switch (await credentials.ChangeStatusAsync(id, credentialId, new StatusChangeInput(Form.Status, Form.Reason, Form.Version), cancellationToken))
        {
            case Outcome<CredentialView>.Done:
                return Redirect($"/staff/people/{id}?changed=true");
            case Outcome<CredentialView>.Refused(var errors):
                foreach (var (field, message) in errors.All)
                {
                    Errors.Add(field, message);
                }

                return await LoadAsync(id, credentialId, cancellationToken) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, int credentialId, CancellationToken cancellationToken)
    {
        if (await people.ReadForStaffAsync(id, cancellationToken) is not { } person || person.Credentials.FirstOrDefault(c => c.Id == credentialId) is not { } credential)
        {
            return false;
        }

        PersonId = person.Id;
        PersonName = person.DisplayName;
        Credential = credential;
        return true;
    }
}
