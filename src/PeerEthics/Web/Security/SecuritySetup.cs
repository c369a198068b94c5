using PeerEthics.Accounts;

namespace PeerEthics.Web.Security;

/// <summary>The security baseline in one place: who may do what, headers, rate limits, keys.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        // Deny by default: the fallback policy needs a signed-in user; PublicEndpoints lists the exceptions.
        services.AddAuthorization(Policies.Configure);
        services.AddSecurityHeaders();
        services.AddRateLimits();
        services.AddDataProtectionKeys();
        // The antiforgery cookie is not Secure by default even over HTTPS; the sign-in cookie already follows the request.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }
}
