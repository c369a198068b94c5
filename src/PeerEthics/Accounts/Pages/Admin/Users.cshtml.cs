using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages.Admin;

/// <summary><c>/admin/users</c>: the accounts and their roles. Registrars and administrators see it; only administrators change roles.</summary>
[Authorize(Policy = Policies.Invite)]
public sealed class UsersModel(AccountDirectory directory, IAuthorizationService authorization) : AccountPageModel
{
    public const string Path = "/admin/users";

    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public bool MayChangeRoles { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded)
        {
            return Forbid();
        }

        switch (await directory.SetRolesAsync(UserId, SelectedRoles, cancellationToken))
        {
            case RoleChangeOutcome.Changed(var user, _, _):
                return Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, "saved", user.Email!));
            case RoleChangeOutcome.NoSuchAccount:
                return NotFound();
            case RoleChangeOutcome.Refused(var message):
                ModelState.AddModelError("", message);
                await LoadAsync(cancellationToken);
                return Page();
            default:
                throw new InvalidOperationException("Unexpected role change outcome.");
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await directory.ListAsync(cancellationToken);
        MayChangeRoles = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
    }
}
