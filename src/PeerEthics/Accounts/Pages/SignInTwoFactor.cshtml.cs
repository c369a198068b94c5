using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account/sign-in/two-factor</c>: the code from the authenticator app, after the password.</summary>
public sealed class SignInTwoFactorModel(SignInFlow flow) : AccountPageModel
{
    public const string Path = "/account/sign-in/two-factor";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool LockedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await flow.SecondStepPendingAsync() ? Page() : Redirect(WithReturnUrl(SignInModel.Path + "?note=expired", ReturnUrl));

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Code) || SignInFlow.Digits(Code).Length != 6)
        {
            ModelState.AddModelError(nameof(Code), "Code: enter the 6 digits your authenticator app shows now.");
            return Page();
        }

        var outcome = await flow.AuthenticatorCodeAsync(Code);
        switch (outcome.Status)
        {
            case SignInStatus.SignedIn:
                return LocalRedirect(SafeReturnUrl(ReturnUrl));
            case SignInStatus.StepExpired:
                return Redirect(WithReturnUrl(SignInModel.Path + "?note=expired", ReturnUrl));
            case SignInStatus.LockedOut:
                LockedOut = true;
                return Page();
            default:
                ModelState.AddModelError(nameof(Code), "Code: that code is not right. Codes change every 30 seconds: type the one your app shows now.");
                return Page();
        }
    }
}
