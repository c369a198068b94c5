using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PeerEthics.Web;

/// <summary>
/// Interim, until the security baseline's allow-list of public endpoints lands: with the authorization policies
/// registered, the fallback policy asks for a sign-in everywhere, so the pages and APIs that were public before
/// say so here. Feature endpoints that are public mark themselves with <c>AllowAnonymous</c>.
/// </summary>
public static class InterimPublicSurface
{
    public static IServiceCollection AllowAnonymousToPublicPages(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(options => options.Conventions
            .AllowAnonymousToFolder("/Codes")
            .AllowAnonymousToPage("/Web/Pages/Home")
            .AllowAnonymousToPage("/Web/Pages/Error"));
        return services;
    }

    /// <summary>
    /// An address nothing answers is a 404 (a page, or ProblemDetails under /api) for everyone, not a sign-in
    /// challenge: the fallback policy would otherwise apply to requests no endpoint matched.
    /// </summary>
    public static WebApplication MapNotFoundFallback(this WebApplication app)
    {
        app.MapFallback(() => TypedResults.NotFound()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>A route group whose endpoints anyone may call.</summary>
    public static IEndpointRouteBuilder Public(this WebApplication app) => app.MapGroup("").AllowAnonymous();
}
