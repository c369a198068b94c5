using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Web.Security;

/// <summary>
/// The app as the security tests see it: the real app on SQLite, which also says in a response header what
/// authorization decided (so the matrix tells a refusal from a page that merely redirects), optionally with the
/// probe pages of <c>Probes/</c> and extra settings (low rate limits).
/// </summary>
public sealed class SecurityTestApp(bool withProbes = false, IReadOnlyDictionary<string, string>? settings = null)
    : PeerEthicsAppFactory(DatabaseProvider.Sqlite)
{
    /// <summary>"challenged" or "forbidden" when authorization refused the request; absent when it let it through.</summary>
    public const string AuthorizationHeader = "X-Test-Authorization";

    /// <summary>A client that keeps no cookies and follows no redirects: each request says exactly who it is.</summary>
    public HttpClient CreateBareClient()
    {
        _ = Services; // starts the app
        return Server.CreateClient();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IAuthorizationMiddlewareResultHandler, RecordingResultHandler>();
            if (withProbes)
            {
                services.AddRazorPages().AddApplicationPart(typeof(SecurityTestApp).Assembly);
            }
        });
    }

    private sealed class RecordingResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _app = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Challenged)
            {
                context.Response.Headers[AuthorizationHeader] = "challenged";
            }
            else if (authorizeResult.Forbidden)
            {
                context.Response.Headers[AuthorizationHeader] = "forbidden";
            }

            return _app.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
