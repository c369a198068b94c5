using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

/// <summary>Linking a supervisor to the account they sign in with (the page for <c>POST /api/people/supervisors/{id}/account</c>).</summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class SupervisorAccountModel(PeopleDirectory people, PeerEthicsDb db) : PageModel
{
    [BindProperty]
    public string? UserEmail { get; set; }

    public string Name { get; private set; } = "";

    /// <summary>The email of the account linked now, if any.</summary>
    public string? Current { get; private set; }

    public FieldErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        UserEmail = Current;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        switch (await people.LinkSupervisorAccountAsync(id, UserEmail, cancellationToken))
        {
            case Outcome<int>.Done:
                return Redirect("/staff/supervisors?linked=true");
            case Outcome<int>.Refused(var errors):
                Errors = errors;
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var supervisor = await db.Supervisors.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Name, Account = db.Users.Where(u => u.Id == s.UserId).Select(u => u.Email).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (supervisor is null)
        {
            return false;
        }

        Name = supervisor.Name;
        Current = supervisor.Account;
        return true;
    }
}
