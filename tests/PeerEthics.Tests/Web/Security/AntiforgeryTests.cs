using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PeerEthics.Tests.Web.Security.Probes;
using PeerEthics.Web.Security;

namespace PeerEthics.Tests.Web.Security;

public sealed class AntiforgeryTests
{
    /// <summary>Pages that take POSTs without a token, and why that is safe. Nothing else may.</summary>
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.OrdinalIgnoreCase)
    {
        ["error"] = "re-executed for any failed POST, a missing token included; it only shows an error and changes nothing",
    };

    [Fact]
    public async Task Every_page_handler_that_accepts_a_post_refuses_it_without_the_antiforgery_token_and_accepts_it_with_it()
    {
        await using var app = new SecurityTestApp(withProbes: true);
        var endpoints = await EndpointCatalog.DiscoverAsync(app, AuthorizationExpectations.All);
        using var client = app.CreateBareClient();
        var tried = new List<string>();
        var problems = new List<string>();
        var outOfReach = new List<string>();

        foreach (var endpoint in endpoints.Where(e => e.IsPage && e.Requests.Any(r => r.IsUnsafe) && !Exempt.ContainsKey(e.Route.TrimStart('/'))))
        {
            // Someone the page lets in, so the request reaches the antiforgery check rather than a sign-in page.
            // (A page missing from the expectations fails the matrix test; an administrator with MFA tries it here.)
            var access = PublicEndpoints.Find(endpoint.Route) is not null || endpoint.AllowsAnonymous
                ? Access.Public
                : AuthorizationExpectations.All.FirstOrDefault(e => e.Matches(endpoint.Route))?.Access ?? Access.StaffWithMfa(PeerEthics.Accounts.Roles.Administrator);
            // Pages only a person with their own linked record reaches (Access.OwnRecordOnly) are out of the
            // matrix principals' reach; they are listed, and checked to be exactly those pages, below.
            if (MatrixPrincipal.All.FirstOrDefault(access.Allows) is not { } principal)
            {
                outOfReach.Add(endpoint.Route.TrimStart('/'));
                continue;
            }

            var tokens = AntiforgeryTokens.For(app, principal.User);

            foreach (var request in endpoint.Requests.Where(r => r.IsUnsafe))
            {
                tried.Add(request.Url);
                using var without = new HttpRequestMessage(new HttpMethod(request.Method), request.Url) { Content = new FormUrlEncodedContent([]) };
                principal.SignIn(without);
                using var refused = await client.SendAsync(without);
                if (refused.StatusCode != HttpStatusCode.BadRequest)
                {
                    problems.Add($"{request} as {principal} without a token answered {(int)refused.StatusCode}, not 400.");
                }

                using var with = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
                principal.SignIn(with);
                tokens.AddTo(with);
                using var accepted = await client.SendAsync(with);
                if (accepted.StatusCode == HttpStatusCode.BadRequest)
                {
                    problems.Add($"{request} as {principal} with a valid token was refused (400).");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(
            AuthorizationExpectations.All.Where(e => e.Access == Access.OwnRecordOnly && !e.Route.StartsWith("/api/", StringComparison.Ordinal))
                .Select(e => e.Route.TrimStart('/')).Where(route => endpoints.Any(p => p.IsPage && p.Route.TrimStart('/') == route && p.Requests.Any(r => r.IsUnsafe))).Order(),
            outOfReach.Order());
        // Not vacuous: the probe form (and every real form) was tried.
        Assert.Contains(FormProbeModel.Route, tried);
    }

    [Fact]
    public async Task Only_the_listed_exemptions_ignore_antiforgery_tokens()
    {
        await using var app = new SecurityTestApp();
        var endpoints = await EndpointCatalog.DiscoverAsync(app, AuthorizationExpectations.All);

        var ignoring = endpoints
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAntiforgeryPolicy>() is IgnoreAntiforgeryTokenAttribute)
            .Select(e => e.Route.TrimStart('/'))
            .Order();

        Assert.Equal(Exempt.Keys.Order(), ignoring);
    }

    [Fact]
    public async Task A_form_served_over_https_sets_a_secure_http_only_antiforgery_cookie()
    {
        await using var app = new SecurityTestApp(withProbes: true);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://peerethics.example/") });

        using var response = await client.GetAsync(FormProbeModel.Route);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));

        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_post_refused_for_its_missing_token_gets_the_error_page_in_plain_words()
    {
        await using var app = new SecurityTestApp(withProbes: true);
        using var client = app.CreateBareClient();

        using var response = await client.PostAsync(FormProbeModel.Route, new FormUrlEncodedContent([new("name", "value")]));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>That request was not understood</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("accepted", page, StringComparison.Ordinal);
    }
}
