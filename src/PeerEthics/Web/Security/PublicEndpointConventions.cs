using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace PeerEthics.Web.Security;

/// <summary>
/// Applies <see cref="PublicEndpoints"/> by convention: every endpoint is mapped inside one route group, and
/// the group marks public exactly the endpoints the list names (and gives them their rate limits). Nothing
/// else in the app says <c>[AllowAnonymous]</c>; the fallback policy covers the rest.
/// </summary>
public static class PublicEndpointConventions
{
    /// <summary>The group every endpoint of the site is mapped in (no prefix: it exists for its conventions).</summary>
    public static RouteGroupBuilder MapSite(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup(string.Empty);
        ((IEndpointConventionBuilder)site).Add(endpoint => MarkIfPublic(endpoint, PublicEndpoints.All));
        return site;
    }

    /// <summary>Makes <paramref name="endpoint"/> public, with its rate limit, when <paramref name="allowList"/> names its route.</summary>
    public static void MarkIfPublic(EndpointBuilder endpoint, IReadOnlyList<PublicEndpoint> allowList)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        if (endpoint is not RouteEndpointBuilder route || PublicEndpoints.Find(allowList, route.RoutePattern.RawText) is not { } entry)
        {
            return;
        }

        endpoint.Metadata.Add(new AllowAnonymousAttribute());
        if (entry.RateLimit is { } policy)
        {
            endpoint.Metadata.Add(new EnableRateLimitingAttribute(policy));
        }
    }
}
