using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account/sign-out</c>: POST signs out (and ends every other session of the account); GET asks first.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SignOutModel(SignInFlow flow) : AccountPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await flow.SignOutAsync(User);
        return Redirect(SignInModel.Path + "?note=signed-out");
    }
}
