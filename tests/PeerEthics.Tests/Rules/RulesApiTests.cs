using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Rules;

[Collection(SharedAppsDefinition.Name)]
public sealed class RulesApiTests(SharedApps apps)
{
    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "situations", name);

    [Theory, AllDatabases]
    public async Task The_60_dollar_gift_is_evaluated_under_every_program_side_by_side_with_traces(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        var situation = JsonDocument.Parse(await File.ReadAllTextAsync(SamplePath("gift-60-dollars.json"))).RootElement;

        var response = await client.PostAsJsonAsync("/api/rules/evaluate", new { situation });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var evaluations = json.RootElement.GetProperty("evaluations").EnumerateArray().ToList();
        Assert.Equal([Seeds.Massachusetts, Seeds.Missouri], evaluations.Select(e => e.GetProperty("program").GetString()));
        Assert.All(evaluations, e => Assert.Equal("against-code", e.GetProperty("outcome").GetString()));
        var ma = evaluations[0].GetProperty("rules")[0];
        Assert.Equal("ma-11-gift-received", ma.GetProperty("rule").GetString());
        var trace = ma.GetProperty("trace");
        Assert.Equal(1, trace.GetProperty("codeVersion").GetProperty("version").GetInt32());
        Assert.Equal(64, trace.GetProperty("codeVersion").GetProperty("contentHash").GetString()!.Length);
        Assert.Equal(1, trace.GetProperty("ruleSet").GetProperty("version").GetInt32());
        Assert.Equal("11.", trace.GetProperty("principles")[0].GetProperty("label").GetString());
        Assert.StartsWith("Certified Peer Specialists will not engage in business", trace.GetProperty("principles")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var parameter = trace.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("parameter").GetString() == "significant-value");
        Assert.Equal("$50.00", parameter.GetProperty("value").GetString());
        Assert.True(parameter.GetProperty("toConfirm").GetBoolean());
        Assert.Equal("2026-11-20", json.RootElement.GetProperty("situation").GetProperty("date").GetString());
    }

    [Theory, AllDatabases]
    public async Task The_relationship_eight_months_after_support_ended_is_against_in_massachusetts_and_for_review_in_missouri(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        var situation = JsonDocument.Parse(await File.ReadAllTextAsync(SamplePath("relationship-eight-months-after-support-ended.json"))).RootElement;

        var response = await client.PostAsJsonAsync("/api/rules/evaluate", new { situation });

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var outcomes = json.RootElement.GetProperty("evaluations").EnumerateArray()
            .ToDictionary(e => e.GetProperty("program").GetString()!, e => e.GetProperty("outcome").GetString());
        Assert.Equal("against-code", outcomes[Seeds.Massachusetts]);
        Assert.Equal("needs-review", outcomes[Seeds.Missouri]);
    }

    [Fact]
    public async Task Programs_can_be_chosen_and_come_back_in_the_order_asked()
    {
        var client = apps[DatabaseProvider.Sqlite].CreateClient();

        var response = await client.PostAsJsonAsync("/api/rules/evaluate", new { situation = new { kind = "loan" }, programs = new[] { Seeds.Missouri } });

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var evaluation = Assert.Single(json.RootElement.GetProperty("evaluations").EnumerateArray());
        Assert.Equal(Seeds.Missouri, evaluation.GetProperty("program").GetString());
        Assert.Equal("needs-review", evaluation.GetProperty("outcome").GetString());
        // No date given: the situation is on the clock's day.
        Assert.Equal("2026-11-23", json.RootElement.GetProperty("situation").GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("""{"situation": {"kind": "gift", "value": "sixty"}}""", "situation.value", "must be a number of dollars")]
    [InlineData("""{"situation": {"kind": "gift", "value": 10.005}}""", "situation.value", "at most two decimal places")]
    [InlineData("""{"situation": {"kind": "present"}}""", "situation.kind", "must be one of: gift, loan")]
    [InlineData("""{"situation": {"value": 10}}""", "situation.kind", "'kind' is required")]
    [InlineData("""{"situation": {"kind": "gift", "date": "20/11/2026"}}""", "situation.date", "yyyy-mm-dd")]
    [InlineData("""{"situation": {"kind": "gift", "cashOrGiftCard": "yes"}}""", "situation.cashOrGiftCard", "true or false")]
    [InlineData("""{"situation": {"kind": "gift", "colour": "red"}}""", "situation.colour", "not a field of a situation")]
    [InlineData("""{"situation": {"kind": "intimate-relationship", "counterpart": "formerly-supported", "date": "2026-01-01", "supportEnded": "2026-02-01"}}""", "situation.supportEnded", "is after the situation's date")]
    [InlineData("""{"situation": {"kind": "intimate-relationship", "counterpart": "currently-supported", "supportEnded": "2026-02-01"}}""", "situation.supportEnded", "for someone formerly supported")]
    [InlineData("""{"situation": {"kind": "gift"}, "programs": ["massachusetts-cps", "texas"]}""", "programs[1]", "There is no program 'texas'")]
    [InlineData("""{"situation": {"kind": "gift"}, "programs": "massachusetts-cps"}""", "programs", "must be a list")]
    [InlineData("""{"kind": "gift"}""", "situation", "'situation' is required")]
    [InlineData("""{"situation": "gift"}""", "situation", "must be a JSON object")]
    [InlineData("""{"situation": {"kind": "gift"}""", "body", "not valid JSON")]
    [InlineData("""[1, 2]""", "body", "must be a JSON object")]
    public async Task Bad_input_is_a_validation_problem_naming_the_field(string body, string field, string message)
    {
        var client = apps[DatabaseProvider.Sqlite].CreateClient();

        var response = await client.PostAsync("/api/rules/evaluate", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.True(problem!.Errors.ContainsKey(field), $"expected an error for '{field}', got: {string.Join(", ", problem.Errors.Keys)}");
        Assert.Contains(message, string.Join(" ", problem.Errors[field]), StringComparison.Ordinal);
    }
}
