using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account/passkeys</c>: the account's passkeys; add one (the browser does the ceremony, see wwwroot/js/passkeys.js) or remove one.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PasskeysModel(UserManager<User> users, AccountPasskeys passkeys) : AccountPageModel
{
    public const string Path = "/account/passkeys";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? CredentialId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Added { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Removed { get; set; }

    public IList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CurrentUserAsync(users) is not { } user)
        {
            return Redirect(SignInModel.Path);
        }

        Passkeys = await passkeys.ListAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await CurrentUserAsync(users) is not { } user)
        {
            return Redirect(SignInModel.Path);
        }

        switch (await passkeys.AddAsync(user, CredentialJson, Name))
        {
            case PasskeyAddOutcome.Added(var name):
                return Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, "added", name));
            case PasskeyAddOutcome.Failed(var message):
                ModelState.AddModelError(message.StartsWith("Name:", StringComparison.Ordinal) ? nameof(Name) : "", message);
                Passkeys = await passkeys.ListAsync(user);
                return Page();
            default:
                throw new InvalidOperationException("Unexpected passkey outcome.");
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if (await CurrentUserAsync(users) is not { } user)
        {
            return Redirect(SignInModel.Path);
        }

        if (!await passkeys.RemoveAsync(user, CredentialId))
        {
            return NotFound();
        }

        return Redirect(Path + "?removed=true");
    }
}
