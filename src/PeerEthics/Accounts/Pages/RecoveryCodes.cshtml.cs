using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account/recovery-codes</c>: how many are left; new ones (shown once, the old ones stop working).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RecoveryCodesModel(UserManager<User> users, SecondFactors secondFactors) : AccountPageModel
{
    public const string Path = "/account/recovery-codes";

    /// <summary>Set after signing in with a recovery code.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Used { get; set; }

    public bool Enabled { get; private set; }

    public int Left { get; private set; }

    public IReadOnlyList<string>? NewCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CurrentUserAsync(users) is not { } user)
        {
            return Redirect(SignInModel.Path);
        }

        await CountAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CurrentUserAsync(users) is not { } user)
        {
            return Redirect(SignInModel.Path);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            // Shown in this answer only: the codes are not kept anywhere they could be shown again.
            NewCodes = await secondFactors.NewRecoveryCodesAsync(user);
        }

        await CountAsync(user);
        return Page();
    }

    private async Task CountAsync(User user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Left = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
