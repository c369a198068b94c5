using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PeerEthics.Web.Security;

/// <summary>
/// The headers every response carries, errors and static files included: a Content-Security-Policy with a
/// nonce per request, HSTS outside development, and the usual hardening headers.
/// </summary>
public static class SecurityHeaders
{
    public const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddSecurityHeaderPolicies((policies, sp) =>
            policies.SetDefaultPolicy(policy => Configure(policy, sp.GetRequiredService<IHostEnvironment>())));
        // "Server: Kestrel" tells an attacker what to try; Kestrel adds it too late for middleware to remove.
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        return services;
    }

    private static void Configure(HeaderPolicyCollection policy, IHostEnvironment environment)
    {
        policy.AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            // Scripts and styles are files of this site; an inline block needs the request's nonce (NonceTagHelper).
            csp.AddScriptSrc().Self().WithNonce();
            csp.AddStyleSrc().Self().WithNonce();
            csp.AddImgSrc().Self().Data();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().None();
            csp.AddFrameAncestors().None();
            csp.AddFormAction().Self();
        });
        policy.AddContentTypeOptionsNoSniff();
        // For browsers that predate frame-ancestors.
        policy.AddFrameOptionsDeny();
        // Modern browsers ignore it; the few that honour it block the page rather than "repair" it, the mode
        // that cannot be abused to blank out parts of a page. Scanners (wapiti) still ask for it.
        policy.AddXssProtectionBlock();
        // Addresses may name people's records: never tell another site where a person came from. Not
        // no-referrer: that also blanks the Origin header of the site's own form posts (Origin: null), and
        // passkeys (Identity checks the WebAuthn origin against the request's Origin) then fail.
        policy.AddReferrerPolicySameOrigin();
        policy.AddCrossOriginOpenerPolicy(coop => coop.SameOrigin());
        policy.AddCrossOriginResourcePolicy(corp => corp.SameOrigin());
        policy.AddPermissionsPolicy(permissions =>
        {
            permissions.AddDefaultSecureDirectives();
            // Passkeys are WebAuthn: the secure defaults would switch them off for this site too.
            permissions.AddPublickeyCredentialsGet().Self();
            permissions.AddPublickeyCredentialsCreate().Self();
        });
        policy.RemoveServerHeader();

        if (!environment.IsDevelopment())
        {
            // HTTPS responses only (browsers ignore HSTS over HTTP). Not for "localhost": a developer's browser
            // would pin every local port to HTTPS for a year. IP addresses are never pinned by browsers.
            policy.AddStrictTransportSecurity(HstsMaxAgeSeconds, includeSubdomains: true, preload: false, excludedHosts: ["localhost"]);
        }
    }
}
