using Microsoft.AspNetCore.Mvc.Filters;

namespace PeerEthics.Accounts;

/// <summary>
/// Staff roles need a second factor: a staff member signed in without one (a new staff account, or one whose
/// authenticator was just reset) is sent to set up the authenticator app before any other page. The staff
/// policies refuse them anyway (they need <c>amr=mfa</c>); this makes the way forward the first thing they see.
/// </summary>
public sealed class StaffSecondFactorFilter : IAsyncPageFilter
{
    // Pages such a person may still open: the set-up itself, signing out, and the pages of the sign-in flow.
    private static readonly string[] Allowed =
    [
        "/account/two-factor", "/account/sign-out", "/account/sign-in", "/account/invitation",
        "/account/forgot-password", "/account/reset-password", "/error",
    ];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var path = context.HttpContext.Request.Path;
        if (user.Identity?.IsAuthenticated == true && user.HasStaffRole() && !user.UsedSecondFactor()
            && !Allowed.Any(allowed => path.StartsWithSegments(allowed, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/two-factor?required=true");
            return;
        }

        await next();
    }
}
