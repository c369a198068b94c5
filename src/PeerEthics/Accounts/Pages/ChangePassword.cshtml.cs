using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account/change-password</c>: the current password, then the new one twice.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(UserManager<User> users, Passwords passwords) : AccountPageModel
{
    protected override IReadOnlyList<string> FieldOrder => [nameof(CurrentPassword), nameof(NewPassword), nameof(ConfirmPassword)];

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Changed { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CurrentUserAsync(users) is not { } user)
        {
            return Redirect(SignInModel.Path);
        }

        var errors = await passwords.ChangeAsync(user, CurrentPassword, NewPassword, ConfirmPassword);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        return Redirect("/account/change-password?changed=true");
    }
}
