using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary>
/// <c>/account/two-factor</c>: set up an authenticator app (QR code and the key to type by hand), set it up again on
/// a new phone, or turn it off (not for staff, whose role needs it). Staff without one are sent here first.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorModel(UserManager<User> users, SecondFactors secondFactors) : AccountPageModel
{
    public const string Path = "/account/two-factor";

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Set when a staff member was sent here because their role needs a second step.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public bool Enabled { get; private set; }

    public bool IsStaff { get; private set; }

    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>The first recovery codes, shown once, right after the app is set up.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await CurrentUserAsync(users) is { } user ? await ShowAsync(user) : Redirect(SignInModel.Path);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CurrentUserAsync(users) is not { } user)
        {
            return Redirect(SignInModel.Path);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect(Path);
        }

        if (string.IsNullOrWhiteSpace(Code) || SignInFlow.Digits(Code).Length != 6)
        {
            ModelState.AddModelError(nameof(Code), "Code: enter the 6 digits your authenticator app shows for PeerEthics.");
            return await ShowAsync(user);
        }

        if (await secondFactors.EnableAsync(user, Code) is not { } codes)
        {
            ModelState.AddModelError(nameof(Code), "Code: that code does not match. Check that the app shows PeerEthics and type the code it shows now (codes change every 30 seconds).");
            return await ShowAsync(user);
        }

        NewRecoveryCodes = codes;
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        if (await CurrentUserAsync(users) is not { } user)
        {
            return Redirect(SignInModel.Path);
        }

        await secondFactors.ResetAsync(user);
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await CurrentUserAsync(users) is not { } user)
        {
            return Redirect(SignInModel.Path);
        }

        if (!await secondFactors.DisableAsync(user))
        {
            ModelState.AddModelError("", "Authenticator app: your role needs a second step, so it cannot be turned off. You can set it up on a new phone instead.");
            return await ShowAsync(user);
        }

        return Redirect(Path + "?done=off");
    }

    private async Task<IActionResult> ShowAsync(User user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        IsStaff = (await users.GetRolesAsync(user)).Any(Roles.IsStaff);
        if (!Enabled)
        {
            Setup = await secondFactors.GetSetupAsync(user);
        }

        return Page();
    }
}
