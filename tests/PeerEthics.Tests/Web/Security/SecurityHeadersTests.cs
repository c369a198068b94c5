using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PeerEthics.Accounts;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.Web.Security.Probes;
using PeerEthics.Web.Security;

namespace PeerEthics.Tests.Web.Security;

[Collection(Name)]
public sealed partial class SecurityHeadersTests(SecurityHeadersTests.Apps apps)
{
    public const string Name = "Security headers";

    /// <summary>Every kind of response: pages, static files, the API, the OpenAPI document, errors of each kind.</summary>
    public static TheoryData<string, string, int> Responses => new()
    {
        { "GET", "/", 200 },
        { "GET", "/codes/massachusetts-cps", 200 },
        { "GET", "/css/site.css", 200 },
        { "GET", "/health", 200 },
        { "GET", "/api/codes", 200 },
        { "GET", "/openapi/v1.json", 200 },
        { "GET", "/no-such-page", 404 },
        { "GET", "/api/codes/no-such-code", 404 },
        { "GET", "/api/no-such-endpoint", 404 },
        { "POST", "/codes", 400 },
        { "GET", ThrowingProbeModel.Route, 500 },
        { "GET", "/account/some-private-page", 404 },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string method, string url, int status)
    {
        using var client = apps.Probes.CreateBareClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(status, (int)response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{40,}'(;|$)", csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    [Fact]
    public async Task Each_response_gets_a_fresh_nonce()
    {
        using var client = apps.Probes.CreateBareClient();

        var nonces = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/");
            nonces.Add(Nonce().Match(Header(response, "Content-Security-Policy")).Groups["nonce"].Value);
        }

        Assert.Equal(5, nonces.Count);
    }

    [Fact]
    public async Task Inline_scripts_and_styles_marked_for_it_carry_the_nonce_the_policy_allows()
    {
        using var client = apps.Probes.CreateBareClient();

        using var response = await client.GetAsync(NonceProbeModel.Route);
        var page = await response.Content.ReadAsStringAsync();
        var nonce = Nonce().Match(Header(response, "Content-Security-Policy")).Groups["nonce"].Value;

        // The attribute is HTML-encoded ('+' may be written &#x2B;); the browser reads it decoded.
        Assert.Equal(nonce, WebUtility.HtmlDecode(Regex.Match(page, "<script nonce=\"([^\"]+)\">").Groups[1].Value));
        Assert.Equal(nonce, WebUtility.HtmlDecode(Regex.Match(page, "<style nonce=\"([^\"]+)\">").Groups[1].Value));
        Assert.Contains($"style-src 'self' 'nonce-{nonce}'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("asp-add-nonce", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_responses_outside_development_carry_hsts_for_at_least_a_year()
    {
        using var client = apps.Probes.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://peerethics.example/"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/codes");

        var hsts = Header(response, "Strict-Transport-Security");
        var maxAge = long.Parse(MaxAge().Match(hsts).Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 365 * 24 * 60 * 60, hsts);
        Assert.Equal(SecurityHeaders.HstsMaxAgeSeconds, maxAge);
    }

    [Fact]
    public async Task Development_does_not_pin_the_browser_to_https()
    {
        using var development = apps.Probes.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));
        using var client = development.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://peerethics.example/") });

        using var response = await client.GetAsync("/codes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/codes/massachusetts-cps")]
    [InlineData("/api/codes")]
    [InlineData("/no-such-page")]
    public async Task Responses_to_a_signed_in_person_are_never_stored(string url)
    {
        using var client = apps.Probes.CreateClientAs(Roles.PeerSpecialist, mfa: false);

        using var response = await client.GetAsync(url);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/codes/massachusetts-cps")]
    [InlineData("/api/codes")]
    public async Task Public_pages_for_the_signed_out_public_may_be_cached(string url)
    {
        using var client = apps.Probes.CreateBareClient();

        using var response = await client.GetAsync(url);

        Assert.False(response.Headers.CacheControl?.NoStore ?? false);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/codes/massachusetts-cps")]
    [InlineData("/registry?q=jo")]
    public async Task Public_pages_without_a_form_to_post_set_no_cookie_on_a_signed_out_visitor(string url)
    {
        // A cacheable page that sets a cookie is a privacy leak through shared caches; the layout reads the one-time
        // confirmation only when the temp-data cookie came with the request.
        using var client = apps.Probes.CreateBareClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"{url} set {string.Join("; ", cookies ?? [])}");
    }

    [Fact]
    public async Task Account_pages_are_never_stored_even_signed_out()
    {
        using var client = apps.Probes.CreateBareClient();

        using var response = await client.GetAsync("/account/sign-in");

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header.");

    [GeneratedRegex("script-src [^;]*'nonce-(?<nonce>[^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex(@"max-age=(?<seconds>\d+)")]
    private static partial Regex MaxAge();

    /// <summary>One probe app for the headers tests, which only read.</summary>
    public sealed class Apps : IAsyncDisposable
    {
        public SecurityTestApp Probes { get; } = new(withProbes: true);

        public ValueTask DisposeAsync() => Probes.DisposeAsync();
    }

    [CollectionDefinition(Name)]
    public sealed class Definition : ICollectionFixture<Apps>;
}
