using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PeerEthics.Web;

/// <summary>Cross-cutting web concerns: errors as ProblemDetails, OpenAPI, Razor Pages, static files.</summary>
public static class WebDefaults
{
    public static IServiceCollection AddWebDefaults(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddOpenApi();
        // Pages live in their feature folders beside the code they show.
        services.AddRazorPages(options => options.RootDirectory = "/");
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        services.AddHttpContextAccessor();
        // Write dashes, quotes and accents as themselves, not as &#x2013; entities: the codes are full of them.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    public static WebApplication UseWebDefaults(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary><c>GET /health</c>: the app is up. Also the static baseline the benchmarks compare pages with.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/health", () => TypedResults.Text("ok")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
