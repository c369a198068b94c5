using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account/reset-password?user=&amp;token=</c>: the link from the email; choose a new password.</summary>
public sealed class ResetPasswordModel(Passwords passwords) : AccountPageModel
{
    protected override IReadOnlyList<string> FieldOrder => [nameof(NewPassword), nameof(ConfirmPassword)];

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool LinkNotValid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkNotValid = string.IsNullOrEmpty(Token) || await passwords.FindResetUserAsync(UserId) is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await passwords.ResetAsync(UserId, Token, NewPassword, ConfirmPassword);
        switch (outcome.Status)
        {
            case PasswordResetStatus.Reset:
                return Redirect(SignInModel.Path + "?note=reset");
            case PasswordResetStatus.LinkNotValid:
                LinkNotValid = true;
                return Page();
            default:
                AddErrors(outcome.Errors);
                return Page();
        }
    }
}
