using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account/access-denied</c>: where the sign-in cookie sends a person whose account does not allow a page.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
