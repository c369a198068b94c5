using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary>
/// <c>/account/forgot-password</c>: sends a reset link to the account's email. The answer is the same whether or
/// not an account has that address, so the page cannot be used to find out who has one.
/// </summary>
public sealed class ForgotPasswordModel(Passwords passwords) : AccountPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AccountRules.CheckEmail(Email) is { } problem)
        {
            ModelState.AddModelError(nameof(Email), problem);
            return Page();
        }

        await passwords.RequestResetAsync(Email!, cancellationToken);
        Sent = true;
        return Page();
    }
}
