using Microsoft.Net.Http.Headers;

namespace PeerEthics.Web.Security;

/// <summary>
/// <c>Cache-Control: no-store</c> on every response to a signed-in request and on the account pages, so no
/// browser or proxy keeps a copy of what a person saw (a shared computer at a peer-support centre, the back
/// button after signing out). Public pages read by the signed-out public stay cacheable.
/// </summary>
public static class NoStoreForSignedIn
{
    /// <summary>The account pages (sign-in, reset, two-factor…): signed out, but never to be kept either.</summary>
    public const string AccountPath = "/account";

    /// <summary>After authentication, so the request's user is known.</summary>
    public static IApplicationBuilder UseNoStoreForSignedIn(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // The path as asked for: an error page re-executed for it answers under another path.
        var account = context.Request.Path.StartsWithSegments(AccountPath);
        context.Response.OnStarting(() =>
        {
            // Decided when the response starts: a sign-in during this request counts too.
            if (account || context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                context.Response.Headers.Remove(HeaderNames.Expires);
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
