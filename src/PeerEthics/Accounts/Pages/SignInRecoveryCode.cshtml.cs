using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account/sign-in/recovery-code</c>: one of the saved recovery codes instead of the authenticator app. Each works once.</summary>
public sealed class SignInRecoveryCodeModel(SignInFlow flow) : AccountPageModel
{
    public const string Path = "/account/sign-in/recovery-code";

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool LockedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await flow.SecondStepPendingAsync() ? Page() : Redirect(WithReturnUrl(SignInModel.Path + "?note=expired", ReturnUrl));

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Recovery code: enter one of your recovery codes, like ABCDE-12345.");
            return Page();
        }

        var outcome = await flow.RecoveryCodeAsync(RecoveryCode);
        switch (outcome.Status)
        {
            case SignInStatus.SignedIn:
                return Redirect(RecoveryCodesModel.Path + "?used=1");
            case SignInStatus.StepExpired:
                return Redirect(WithReturnUrl(SignInModel.Path + "?note=expired", ReturnUrl));
            case SignInStatus.LockedOut:
                LockedOut = true;
                return Page();
            default:
                ModelState.AddModelError(nameof(RecoveryCode), "Recovery code: that code is not one of yours, or it was already used. Each code works once.");
                return Page();
        }
    }
}
