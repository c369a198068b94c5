using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PeerEthics.Web.Security;

namespace PeerEthics.Tests.Web.Security.Probes;

// Pages that exist only in ProbeApp, so the security tests have a form and rate-limited attempts to try before
// the features that bring real ones (sign-in, password reset, public forms). They run through the app's own
// pipeline, conventions and error page; only their routes are the test's.

/// <summary>A form, as a feature page would have one.</summary>
[AllowAnonymous]
public sealed class FormProbeModel : PageModel
{
    public const string Route = "/test-probes/form";

    public IActionResult OnPost() => Content("accepted");
}

/// <summary>Attempts under the sign-in limit.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInProbeModel : PageModel
{
    public const string Route = "/test-probes/sign-in";

    public IActionResult OnPost() => Content("attempted");
}

/// <summary>Attempts under the password-reset limit.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.PasswordReset)]
public sealed class PasswordResetProbeModel : PageModel
{
    public const string Route = "/test-probes/password-reset";

    public IActionResult OnPost() => Content("attempted");
}

/// <summary>Attempts under the public-form limit.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.PublicForm)]
public sealed class PublicFormProbeModel : PageModel
{
    public const string Route = "/test-probes/public-form";

    public IActionResult OnPost() => Content("attempted");
}

/// <summary>Rate-limited attempts under <c>/api</c>, where refusals are ProblemDetails.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
public sealed class ApiProbeModel : PageModel
{
    public const string Route = "/api/test-probes/sign-in";

    public IActionResult OnPost() => Content("attempted");
}

/// <summary>A staff page: registrars and administrators, with a second factor.</summary>
[Authorize(Policy = PeerEthics.Accounts.Policies.ManageCodes)]
public sealed class StaffProbeModel : PageModel
{
    public const string Route = "/test-probes/staff";
}

/// <summary>A page whose author made no authorization decision: the fallback still refuses the signed-out.</summary>
public sealed class UndecidedProbeModel : PageModel
{
    public const string Route = "/test-probes/undecided";
}

/// <summary>A page with an inline script and style carrying the request's nonce.</summary>
[AllowAnonymous]
public sealed class NonceProbeModel : PageModel
{
    public const string Route = "/test-probes/nonce";
}

/// <summary>A page that fails, for the headers of the error page after an exception.</summary>
[AllowAnonymous]
public sealed class ThrowingProbeModel : PageModel
{
    public const string Route = "/test-probes/throws";

    public IActionResult OnGet() => throw new InvalidOperationException($"{Request.Path} fails on purpose.");
}
