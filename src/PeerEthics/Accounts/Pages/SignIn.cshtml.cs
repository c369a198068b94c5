using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account/sign-in</c>: email and password (then a second factor when the account has one), or a passkey.</summary>
public sealed class SignInModel(SignInFlow flow) : AccountPageModel
{
    protected override IReadOnlyList<string> FieldOrder => [nameof(Email), nameof(Password)];

    public const string Path = "/account/sign-in";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the person is here again: <c>expired</c> (the second step ran out), <c>signed-out</c>, <c>reset</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Note { get; set; }

    public bool LockedOut { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Email address: enter the email address of your account.");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Password: enter your password.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await flow.PasswordAsync(Email!, Password!);
        return Answer(outcome, "Email address or password: they do not match an account. Check both and try again.");
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (string.IsNullOrEmpty(CredentialJson) || CredentialJson.Length > 20_000)
        {
            ModelState.AddModelError("", "Passkey: your browser did not give us a passkey. Try again, or sign in with your email address and password.");
            return Page();
        }

        var outcome = await flow.PasskeyAsync(CredentialJson);
        return Answer(outcome, "Passkey: we do not know this passkey. Try another one, or sign in with your email address and password.");
    }

    private IActionResult Answer(SignInOutcome outcome, string failure)
    {
        switch (outcome.Status)
        {
            case SignInStatus.SignedIn when outcome.MustSetUpSecondFactor:
                return Redirect(TwoFactorModel.Path + "?required=true");
            case SignInStatus.SignedIn:
                return LocalRedirect(SafeReturnUrl(ReturnUrl));
            case SignInStatus.SecondStepNeeded:
                return Redirect(WithReturnUrl(SignInTwoFactorModel.Path, ReturnUrl));
            case SignInStatus.LockedOut:
                LockedOut = true;
                return Page();
            case SignInStatus.StepExpired:
                ModelState.AddModelError("", "Passkey: that took too long. Please try again.");
                return Page();
            default:
                ModelState.AddModelError("", failure);
                return Page();
        }
    }
}
