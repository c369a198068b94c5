using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using PeerEthics.Codes;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes;

[Collection(SharedAppsDefinition.Name)]
public sealed class CodesApiTests(SharedApps apps)
{
    [Theory, AllDatabases]
    public async Task The_shipped_codes_are_listed_after_first_start(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();

        var codes = await client.GetFromJsonAsync<List<CodeSummary>>("/api/codes");

        Assert.Equal(["massachusetts-cps", "missouri-cmps"], codes!.Select(c => c.Slug).Order());
        Assert.All(codes!, c => Assert.Equal(1, c.InForce!.Number));
    }

    [Theory, AllDatabases]
    public async Task An_unknown_code_is_a_404_problem_that_names_it(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();

        var response = await client.GetAsync("/api/codes/no-such-code");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("no-such-code", problem!.Detail, StringComparison.Ordinal);
    }
}
