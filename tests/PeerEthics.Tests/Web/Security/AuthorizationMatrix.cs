using System.Net;
using PeerEthics.Web.Security;

namespace PeerEthics.Tests.Web.Security;

/// <summary>
/// Checks an app's authorization against the public allow-list and <see cref="AuthorizationExpectations"/>:
/// every endpoint has a decision and an expectation, every listed route exists, and every request to every
/// endpoint, as every <see cref="MatrixPrincipal"/>, is let through or refused exactly as expected. Returns the
/// problems found, each a sentence saying what to fix.
/// </summary>
public static class AuthorizationMatrix
{
    public static async Task<MatrixResult> CheckAsync(
        SecurityTestApp app,
        IReadOnlyList<PublicEndpoint> publicEndpoints,
        IReadOnlyList<Expectation> expectations,
        Func<DiscoveredEndpoint, bool>? requestOnly = null)
    {
        var problems = new List<string>();
        var endpoints = await EndpointCatalog.DiscoverAsync(app, expectations);

        foreach (var route in publicEndpoints.Where(entry => !endpoints.Any(e => entry.Matches(e.Route))))
        {
            problems.Add($"PublicEndpoints lists {route.Route}, which no endpoint serves: remove the line, or add it when the endpoint exists.");
        }

        foreach (var expectation in expectations.Where(entry => !endpoints.Any(e => entry.Matches(e.Route))))
        {
            problems.Add($"AuthorizationExpectations has {expectation.Route}, which no endpoint serves.");
        }

        using var client = app.CreateBareClient();
        var tokens = new Dictionary<MatrixPrincipal, AntiforgeryTokens>();
        var requestsSent = 0;
        foreach (var endpoint in endpoints)
        {
            if (Decide(endpoint, publicEndpoints, expectations, problems) is not { } access || !(requestOnly?.Invoke(endpoint) ?? true))
            {
                continue;
            }

            foreach (var request in endpoint.Requests)
            {
                foreach (var principal in MatrixPrincipal.All)
                {
                    using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url) { Content = request.EmptyBody() };
                    principal.SignIn(message);
                    if (request.IsUnsafe)
                    {
                        if (!tokens.TryGetValue(principal, out var pair))
                        {
                            pair = AntiforgeryTokens.For(app, principal.User);
                            tokens[principal] = pair;
                        }

                        pair.AddTo(message);
                    }

                    using var response = await client.SendAsync(message);
                    requestsSent++;
                    Judge(request, principal, access, response, problems);
                }
            }
        }

        return new MatrixResult(endpoints, problems, requestsSent);
    }

    /// <summary>Who the endpoint should let through, or null when it cannot be known (a problem is recorded).</summary>
    private static Access? Decide(DiscoveredEndpoint endpoint, IReadOnlyList<PublicEndpoint> publicEndpoints, IReadOnlyList<Expectation> expectations, List<string> problems)
    {
        var listed = PublicEndpoints.Find(publicEndpoints, endpoint.Route);
        var expected = expectations.Where(e => e.Matches(endpoint.Route)).ToList();
        if (expected.Count > 1)
        {
            problems.Add($"AuthorizationExpectations has {expected.Count} lines for {endpoint}: keep one.");
        }

        if (listed is not null)
        {
            if (!endpoint.AllowsAnonymous)
            {
                problems.Add($"{endpoint} is on the public allow-list but is not public: map it inside app.MapSite() so the convention applies.");
            }

            if (endpoint.HasAuthorizationDecision)
            {
                problems.Add($"{endpoint} is public but also names a policy or roles, which public access overrides: drop one.");
            }

            if (expected.Count > 0)
            {
                problems.Add($"{endpoint} is both on the public allow-list and in AuthorizationExpectations: keep one.");
            }

            return Access.Public;
        }

        var decided = true;
        if (endpoint.AllowsAnonymous)
        {
            problems.Add($"{endpoint} is public without being on the allow-list: remove its [AllowAnonymous] (or AllowAnonymous()), or list it in Web/Security/PublicEndpoints.cs.");
            decided = false;
        }

        if (!endpoint.HasAuthorizationDecision)
        {
            problems.Add($"{endpoint} has no authorization decision: give it [Authorize(Policy = Policies.…)] or .RequireAuthorization(Policies.…), or list it as public.");
            decided = false;
        }

        if (expected.Count == 0)
        {
            problems.Add($"{endpoint} is not in AuthorizationExpectations: add a line saying who may use it.");
            return null;
        }

        return decided ? expected[0].Access : null;
    }

    private static void Judge(EndpointRequest request, MatrixPrincipal principal, Access access, HttpResponseMessage response, List<string> problems)
    {
        var refusal = response.Headers.TryGetValues(SecurityTestApp.AuthorizationHeader, out var values) ? values.Single() : null;
        var status = (int)response.StatusCode;
        if (refusal is null)
        {
            if (!access.Allows(principal))
            {
                problems.Add($"Unexpected success: {request} as {principal} was let through ({status}); only {access} should be.");
            }

            return;
        }

        if (access.Allows(principal))
        {
            problems.Add($"Unexpected refusal: {request} as {principal} was {refusal} ({status}); {access} should be let through.");
        }

        // A refusal reads as the app promises: a sign-in or access-denied page for browsers, 401/403 for the API.
        var api = request.Url.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);
        var location = response.Headers.Location?.OriginalString ?? "";
        var expectedShape = (refusal, api) switch
        {
            ("challenged", true) => status == 401,
            ("forbidden", true) => status == 403,
            ("challenged", false) => response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase),
            ("forbidden", false) => response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        if (!expectedShape)
        {
            problems.Add($"{request} as {principal} was {refusal} but answered {status} {location}: expected {(api ? "401/403" : "a redirect to sign-in or access-denied")}.");
        }
    }
}

public sealed record MatrixResult(IReadOnlyList<DiscoveredEndpoint> Endpoints, IReadOnlyList<string> Problems, int RequestsSent);
