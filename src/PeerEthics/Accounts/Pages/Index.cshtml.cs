using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account</c>: who you are signed in as, your roles, and how your account is kept safe.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<User> users, IAuthorizationService authorization) : AccountPageModel
{
    public const string Path = "/account";

    public User Account { get; private set; } = null!;

    public IList<string> Roles { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public int Passkeys { get; private set; }

    public bool MayInvite { get; private set; }

    public bool MayAdminister { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Welcome { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CurrentUserAsync(users) is not { } user)
        {
            return Redirect(SignInModel.Path);
        }

        Account = user;
        Roles = await users.GetRolesAsync(user);
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        Passkeys = (await users.GetPasskeysAsync(user)).Count;
        MayInvite = (await authorization.AuthorizeAsync(User, Policies.Invite)).Succeeded;
        MayAdminister = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
        return Page();
    }
}
