using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeerEthics.Accounts;

namespace PeerEthics.Tests.Infrastructure;

/// <summary>
/// Signs a test client in as anyone, in any role, without a password: requests carrying the
/// <see cref="UserHeader"/> are authenticated from headers; all others go through the app's own sign-in
/// (the Identity cookie), so anonymous requests meet the real challenge (a redirect, or 401 under /api).
/// Only the test host registers this.
/// </summary>
public static class TestSignIn
{
    public const string Scheme = "Test";
    public const string UserHeader = "X-Test-User";
    public const string RolesHeader = "X-Test-Roles";
    public const string MfaHeader = "X-Test-Mfa";

    private const string Selector = "TestOrApp";

    public static IServiceCollection AddTestSignIn(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(Scheme, _ => { })
            .AddPolicyScheme(Selector, Selector, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(UserHeader) ? Scheme : IdentityConstants.ApplicationScheme);
        services.PostConfigure<AuthenticationOptions>(options => options.DefaultAuthenticateScheme = Selector);
        return services;
    }

    /// <summary>A client signed in as <paramref name="userId"/> with <paramref name="roles"/> (and a second factor unless told otherwise).</summary>
    public static HttpClient CreateClientAs(this PeerEthicsAppFactory app, string userId, IEnumerable<string> roles, bool mfa = true)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        SignIn(client.DefaultRequestHeaders, userId, roles, mfa);
        return client;
    }

    public static HttpClient CreateClientAs(this PeerEthicsAppFactory app, string role, bool mfa = true) =>
        app.CreateClientAs($"test-{role}", [role], mfa);

    public static void SignIn(HttpRequestHeaders headers, string userId, IEnumerable<string> roles, bool mfa)
    {
        headers.Add(UserHeader, userId);
        headers.Add(RolesHeader, string.Join(',', roles));
        headers.Add(MfaHeader, mfa ? "true" : "false");
    }

    private sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var principal = Principal(
                Request.Headers[UserHeader].ToString(),
                Request.Headers[RolesHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries),
                Request.Headers[MfaHeader] == "true");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, TestSignIn.Scheme)));
        }
    }

    /// <summary>The user a signed-in test request is (also what antiforgery tokens for it are bound to).</summary>
    public static ClaimsPrincipal Principal(string userId, IEnumerable<string> roles, bool mfa)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Name, $"{userId}@test.invalid"),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (mfa)
        {
            claims.Add(new Claim(Policies.MfaClaimType, Policies.MfaClaimValue));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }
}
