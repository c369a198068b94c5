using System.Text.Encodings.Web;
using System.Text.Unicode;
using PeerEthics.Web.Security;

namespace PeerEthics.Web;

/// <summary>Cross-cutting web concerns: errors as ProblemDetails, OpenAPI, Razor Pages, static files, security.</summary>
public static class WebDefaults
{
    /// <summary>The not-found fallback: whatever no other endpoint serves.</summary>
    public const string NotFoundRoute = "{**path}";

    public static IServiceCollection AddWebDefaults(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        // Pages live in their feature folders beside the code they show.
        services.AddRazorPages(options => options.RootDirectory = "/");
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        services.AddHttpContextAccessor();
        // Write dashes, quotes and accents as themselves, not as &#x2013; entities: the codes are full of them.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSecurity();
        return services;
    }

    public static WebApplication UseWebDefaults(this WebApplication app)
    {
        // First, so every response gets the headers: static files, errors, refusals.
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseRefuseNulCharacters();
        // Before routing and authorization: everything in wwwroot is public (see PublicEndpoints).
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseNoStoreForSignedIn();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// The site's own endpoints: the OpenAPI document, <c>GET /health</c> (the app is up; also the static
    /// baseline the benchmarks compare pages with) and the not-found page for any other address, so a
    /// mistyped link shows "not found" to the public rather than a sign-in page.
    /// </summary>
    public static IEndpointRouteBuilder MapWebDefaults(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapGet("/health", () => TypedResults.Text("ok")).ExcludeFromDescription();
        app.MapFallback(NotFoundRoute, () => TypedResults.NotFound()).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }
}
