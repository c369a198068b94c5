using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Web.Security;

/// <summary>One endpoint of the app as the security tests find it in its <see cref="EndpointDataSource"/>.</summary>
public sealed record DiscoveredEndpoint(RouteEndpoint Endpoint, IReadOnlyList<EndpointRequest> Requests)
{
    public string Route => Endpoint.RoutePattern.RawText ?? Endpoint.DisplayName ?? "?";

    public bool IsPage => Endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    /// <summary>Marked public (by the allow-list convention, or by an <c>[AllowAnonymous]</c> somewhere).</summary>
    public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>
    /// Carries an explicit authorization decision: a named policy or roles (<c>[Authorize(Policy = …)]</c>,
    /// <c>RequireAuthorization("…")</c>), or a policy object. A bare <c>[Authorize]</c> is no decision: it only
    /// repeats the fallback.
    /// </summary>
    public bool HasAuthorizationDecision =>
        Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles))
        || Endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null
        || Endpoint.Metadata.GetMetadata<IAuthorizationRequirementData>() is not null;

    public override string ToString() => Route;
}

/// <summary>One request that reaches an endpoint: a method, a URL with plausible route values, and a page handler if any.</summary>
public sealed record EndpointRequest(string Method, string Url, string? Handler, string? ContentType = null)
{
    /// <summary>
    /// An empty body of the type the endpoint accepts: routing matches an endpoint that declares what it
    /// accepts only for that content type, and would otherwise hand the request to the not-found fallback.
    /// </summary>
    public HttpContent? EmptyBody() => ContentType switch
    {
        null => null,
        var type when type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) => new MultipartFormDataContent(),
        var type when type.Contains("json", StringComparison.OrdinalIgnoreCase) => new StringContent("{}", System.Text.Encoding.UTF8, type),
        var type => new StringContent("", System.Text.Encoding.UTF8, type),
    };

    public bool IsUnsafe => !(HttpMethods.IsGet(Method) || HttpMethods.IsHead(Method) || HttpMethods.IsOptions(Method));

    public override string ToString() => Handler is null ? $"{Method} {Url}" : $"{Method} {Url} (handler {Handler})";
}

/// <summary>Finds every endpoint of a running app and the requests that reach it.</summary>
public static class EndpointCatalog
{
    /// <summary>Values that reach real data for parameters the app uses; anything else is filled in by its constraint.</summary>
    private static readonly Dictionary<string, string> KnownValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = Seeds.Massachusetts,
        ["number"] = "1",
        ["version"] = "1",
        ["format"] = "md",
        ["documentName"] = "v1",
        ["path"] = "no-such-page",
    };

    public static async Task<IReadOnlyList<DiscoveredEndpoint>> DiscoverAsync(PeerEthicsAppFactory app, IEnumerable<Expectation> expectations)
    {
        _ = app.Server; // starts the app
        var loader = app.Services.GetRequiredService<PageLoader>();
        var found = new List<DiscoveredEndpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var values = expectations.FirstOrDefault(e => e.Matches(endpoint.RoutePattern.RawText ?? ""))?.Values;
            var url = UrlFor(endpoint.RoutePattern, values);
            var requests = new List<EndpointRequest>();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page renders for GET even without a handler; every handler method is a way in too.
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                requests.Add(new EndpointRequest(HttpMethods.Get, url, null));
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    if (handler.Name is null && method == HttpMethods.Get)
                    {
                        continue;
                    }

                    var handlerUrl = handler.Name is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler.Name}";
                    requests.Add(new EndpointRequest(method, handlerUrl, handler.Name));
                }
            }
            else
            {
                // An endpoint that names no method (a fallback) takes any: try a read and a write.
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get, HttpMethods.Post];
                var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is [var first, ..] ? first : null;
                requests.AddRange(methods.Select(method => new EndpointRequest(method, url, null, accepts)));
            }

            found.Add(new DiscoveredEndpoint(endpoint, requests));
        }

        return found;
    }

    /// <summary>The route with a plausible value in each parameter.</summary>
    public static string UrlFor(RoutePattern pattern, IReadOnlyDictionary<string, string>? values = null)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(ValueFor(parameter, values)),
            _ => throw new InvalidOperationException($"Unexpected route part {part}."),
        })));
        return "/" + string.Join('/', segments);
    }

    private static string ValueFor(RoutePatternParameterPart parameter, IReadOnlyDictionary<string, string>? values)
    {
        if (values is not null && values.TryGetValue(parameter.Name, out var given))
        {
            return given;
        }

        if (KnownValues.TryGetValue(parameter.Name, out var known))
        {
            return known;
        }

        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        return constraints switch
        {
            _ when constraints.Any(c => c is "int" or "long" || c.StartsWith("min", StringComparison.Ordinal) || c.StartsWith("range", StringComparison.Ordinal)) => "1",
            _ when constraints.Contains("guid") => "00000000-0000-4000-8000-000000000001",
            _ when constraints.Contains("bool") => "true",
            _ when constraints.Contains("datetime") => "2026-11-23",
            _ => "sample",
        };
    }
}
