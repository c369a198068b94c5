using System.Net;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Registry;

/// <summary>The registry counts every request per client address, pages and API together, and answers 429 with Retry-After.</summary>
public sealed class RegistryRateLimitTests
{
    [Theory, AllDatabases]
    public async Task Past_the_limit_reads_get_429_with_retry_after_on_the_api_and_the_pages(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider, registryLimit: 3).Started();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/registry?q=jo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/registry/CPS-000001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/registry")).StatusCode);
        var api = await client.GetAsync("/api/registry?q=jo");
        var page = await client.GetAsync("/registry/CPS-000001");
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(Assert.Single(api.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.Contains("Retry-After"));
        Assert.Contains("Too many", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void The_default_limit_is_strict_and_counts_reads() =>
        Assert.Equal((60, TimeSpan.FromMinutes(1)), PeerEthics.Web.Security.RateLimits.Defaults[PeerEthics.Web.Security.RateLimits.Registry]);
}
