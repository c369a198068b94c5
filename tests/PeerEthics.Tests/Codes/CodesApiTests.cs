using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

        Assert.Equal([Seeds.Massachusetts, Seeds.Missouri], codes!.Select(c => c.Slug).Order());
        Assert.All(codes!, c => Assert.Equal(1, c.InForce!.Number));
        Assert.Equal("Missouri Department of Mental Health", codes!.Single(c => c.Slug == Seeds.Missouri).Issuer);
    }

    [Theory, AllDatabases]
    public async Task A_code_answers_with_its_version_in_force_and_its_document(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();

        var code = await client.GetFromJsonAsync<CodeVersionResponse>("/api/codes/massachusetts-cps");

        Assert.Equal(1, code!.Version);
        Assert.True(code.InForce);
        Assert.Equal(64, code.ContentHash.Length);
        Assert.Equal(14, code.Document.Principles.Count);
        Assert.Equal("14.", code.Document.Principles[^1].Label);
        Assert.NotNull(code.Document.Pledge);
        Assert.Contains("training participants", code.Document.AlsoBinds);
    }

    [Theory, AllDatabases]
    public async Task A_version_is_addressable_by_number(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();

        var version = await client.GetFromJsonAsync<CodeVersionResponse>("/api/codes/missouri-cmps/versions/1");

        Assert.Equal(18, version!.Document.Principles.Count);
        Assert.Null(version.Document.Pledge);
    }

    [Theory]
    [InlineData("/api/codes/no-such-code", "no-such-code")]
    [InlineData("/api/codes/no-such-code/versions/1", "no-such-code")]
    [InlineData("/api/codes/massachusetts-cps/versions/9", "has no version 9")]
    [InlineData("/api/codes/no-such-code/diff?from=1&to=2", "no-such-code")]
    [InlineData("/api/crosswalk?left=massachusetts-cps&right=no-such-code", "no-such-code")]
    public async Task Unknown_codes_and_versions_are_404_problems_that_name_them(string url, string named)
    {
        var client = apps[DatabaseProvider.Sqlite].CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains(named, problem!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/crosswalk?right=missouri-cmps", "left")]
    [InlineData("/api/crosswalk?left=missouri-cmps", "right")]
    [InlineData("/api/codes/missouri-cmps/diff?to=1", "from")]
    [InlineData("/api/codes/missouri-cmps/diff?from=1", "to")]
    public async Task Missing_query_parameters_are_validation_problems_that_name_the_field(string url, string field)
    {
        var client = apps[DatabaseProvider.Sqlite].CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.True(problem!.Errors.ContainsKey(field), $"errors: {string.Join(", ", problem.Errors.Keys)}");
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_not_a_page()
    {
        var client = apps[DatabaseProvider.Sqlite].CreateClient();

        var response = await client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory, AllDatabases]
    public async Task The_crosswalk_pairs_massachusetts_and_missouri_by_label(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();

        var crosswalk = await client.GetFromJsonAsync<CrosswalkJson>("/api/crosswalk?left=massachusetts-cps&right=missouri-cmps");

        Assert.Contains(crosswalk!.Pairs, p => p is { Left: "13.", Right: "8." });
        Assert.Equal(["14."], crosswalk.OnlyLeft);
        Assert.Equal(["14.", "15.", "16.", "17.", "18."], crosswalk.OnlyRight);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_codes_api()
    {
        var client = apps[DatabaseProvider.Sqlite].CreateClient();

        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = openApi.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/codes", "/api/codes/{code}", "/api/codes/{code}/versions/{version}", "/api/codes/{code}/diff", "/api/crosswalk" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }
}
