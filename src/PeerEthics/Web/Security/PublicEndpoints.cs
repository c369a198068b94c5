namespace PeerEthics.Web.Security;

/// <summary>
/// The one allow-list of what anyone may use without signing in. Everything not listed here needs a
/// signed-in user and a named authorization policy (see <c>Accounts/Policies</c>); the authorization
/// matrix test fails for an endpoint that is public without being listed, for a listed route that no
/// endpoint serves, and for an endpoint with no decision at all.
/// </summary>
/// <remarks>
/// <para>
/// Routes are the endpoints' route templates as mapped (constraints included), so a new endpoint under a
/// listed prefix is not public by accident. <see cref="PublicEndpointConventions"/> applies the list to every
/// endpoint mapped in the site group (<c>app.MapSite()</c> in Program.cs); a feature maps its endpoints and
/// pages there and never writes <c>[AllowAnonymous]</c> itself (the matrix test fails if it does).
/// Static files (<c>wwwroot</c>) are public too: the static-file middleware serves them before routing,
/// so nothing private may ever be put there.
/// </para>
/// <para>
/// To make an endpoint public, add one line here with its route template exactly as mapped and why it is
/// public; give the rate-limit policy its attempts must meet, if any (<see cref="RateLimits"/>: POSTs are
/// counted, viewing the page is not). A listed route that no endpoint serves fails the matrix test.
/// A public form the public submits without an account (an ethics concern) takes
/// <see cref="RateLimits.PublicForm"/>.
/// </para>
/// </remarks>
public static class PublicEndpoints
{
    public static readonly IReadOnlyList<PublicEndpoint> All =
    [
        // Reading codes of ethics: the public's reason to come.
        new("/", "home page"),
        new("/codes", "codes list"),
        new("/codes/{code}", "a code, the version in force"),
        new("/codes/{code}/versions/{number:int}", "one version of a code"),
        new("/codes/{code}/versions/{number:int}/print", "print view"),
        new("/codes/{code}/export.{format}", "download, the version in force"),
        new("/codes/{code}/versions/{number:int}/export.{format}", "download, one version"),
        new("/codes/{code}/diff", "differences between versions"),
        new("/compare", "comparison of two codes"),
        new("/api/codes", "API: codes"),
        new("/api/codes/{code}", "API: a code"),
        new("/api/codes/{code}/versions/{version:int}", "API: one version"),
        new("/api/codes/{code}/diff", "API: differences between versions"),
        new("/api/crosswalk", "API: crosswalk of two codes"),
        new("/openapi/{documentName}.json", "the OpenAPI document"),

        // Signing in, and getting back in. No self-registration: accounts come by invitation.
        new("/account/sign-in", "sign in with a password or a passkey", RateLimits.SignIn),
        new("/account/sign-in/two-factor", "the second step of signing in", RateLimits.SignIn),
        new("/account/sign-in/recovery-code", "signing in with a recovery code", RateLimits.SignIn),
        new("/account/passkey/request-options", "passkey sign-in: the browser's challenge", RateLimits.SignIn),
        new("/account/forgot-password", "ask for a password-reset email", RateLimits.PasswordReset),
        new("/account/reset-password", "choose a new password from the emailed link", RateLimits.PasswordReset),
        new("/account/invitation", "accept an invitation and set a password", RateLimits.SignIn),
        new("/account/access-denied", "where a refused signed-in person lands"),

        // The programs and their settings: what a credential asks of a specialist.
        new("/api/programs", "API: the programs and their current settings"),
        new("/api/programs/{slug}", "API: one program and its settings"),

        // Is this situation within the code? Nothing entered is stored.
        new("/rules/compare", "a situation under every program's code, side by side"),
        new("/api/rules/evaluate", "API: a situation under every program's code"),

        // Checking a commitment: anyone the signer shows it to (the id is an unguessable GUID).
        new("/verify", "check a commitment: type its id"),
        new("/verify/{id}", "check a commitment"),
        new("/commitments/{id}/certificate.pdf", "a commitment's certificate"),
        new("/api/commitments/{id}/verification", "API: check a commitment"),
        new("/api/commitments/{id}/proof", "API: a commitment's inclusion proof, to keep"),
        new("/api/ledger/public-key", "API: the key that signs the ledger's checkpoints"),
        new("/api/ledger/checkpoints/latest", "API: the latest signed checkpoint"),
        new("/api/ledger/consistency", "API: consistency proof between two checkpoints"),

        // The public registry: who holds a credential, its status and expiry (Registry/RegistryStatuses: who is listed).
        // Every request counts toward the registry's limit, so it cannot be copied wholesale.
        new("/registry", "search the registry by name, or look up a number", RateLimits.Registry),
        new("/registry/{number}", "one listed credential", RateLimits.Registry),
        new("/api/registry", "API: search the registry by name", RateLimits.Registry),
        new("/api/registry/{number}", "API: one listed credential", RateLimits.Registry),

        // Running the site.
        new("/health", "health check"),
        new("/error", "the error page, also reached by re-execution"),
        new(WebDefaults.NotFoundRoute, "anything else: the not-found page, for everyone alike"),
    ];

    /// <summary>The listed entry for a route template, or null when the route is not public.</summary>
    public static PublicEndpoint? Find(string? routeTemplate) => Find(All, routeTemplate);

    public static PublicEndpoint? Find(IReadOnlyList<PublicEndpoint> allowList, string? routeTemplate) =>
        routeTemplate is null ? null : allowList.FirstOrDefault(entry => entry.Matches(routeTemplate));
}

/// <summary>A public route, why it is public, and the rate limit its attempts meet, if any.</summary>
public sealed record PublicEndpoint(string Route, string Purpose, string? RateLimit = null)
{
    public bool Matches(string routeTemplate) =>
        string.Equals(Normalize(Route), Normalize(routeTemplate), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Templates compare without leading and trailing slashes: Razor Pages and minimal APIs differ there, and a
    /// group's root endpoint (<c>MapGet("")</c>) ends in one.
    /// </summary>
    public static string Normalize(string routeTemplate) => routeTemplate.Trim('/');
}
