using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PeerEthics.Web.Pages;

/// <summary>
/// The one error path: API clients (paths under <c>/api</c>) get ProblemDetails, browsers a page.
/// Reached by re-execution after an exception or an error status code.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IProblemDetailsService problemDetails) : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Detail { get; private set; } = "The problem has been logged. Please try again in a moment.";

    public Task<IActionResult> OnGetAsync(int? status) => RespondAsync(status);

    public Task<IActionResult> OnPostAsync(int? status) => RespondAsync(status);

    private async Task<IActionResult> RespondAsync(int? status)
    {
        var code = status ?? StatusCodes.Status500InternalServerError;
        (Title, Detail) = code switch
        {
            404 => ("Page not found", "There is nothing at this address. Check it, or start again from the home page."),
            400 => ("That request was not understood", "Please go back and try again."),
            403 => ("Not allowed", "Your account does not allow this."),
            429 => ("Too many attempts", TooManyAttempts(Response.Headers.RetryAfter)),
            _ => (Title, Detail),
        };

        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? HttpContext.Request.Path.Value;
        Response.StatusCode = code;
        if (originalPath?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
        {
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = HttpContext,
                ProblemDetails = { Status = code, Title = Title, Detail = Detail },
            });
            return new EmptyResult();
        }

        return Page();
    }

    /// <summary>Why a rate limit stopped the request, and how long to wait (from Retry-After, in seconds).</summary>
    public static string TooManyAttempts(string? retryAfterSeconds)
    {
        var wait = int.TryParse(retryAfterSeconds, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds <= 60 ? "about a minute" : $"about {(int)Math.Ceiling(seconds / 60.0)} minutes"
            : "a few minutes";
        return "This was tried many times in a short time from your network, so we paused it to keep accounts safe. "
            + $"Nothing is wrong with your account. Please wait {wait}, then try again.";
    }
}
