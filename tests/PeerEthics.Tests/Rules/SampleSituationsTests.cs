using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.Rules;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Rules;

/// <summary>Every file in samples/situations reads as documented and evaluates under every program.</summary>
[Collection(SharedAppsDefinition.Name)]
public sealed class SampleSituationsTests(SharedApps apps)
{
    // What each sample comes to under Massachusetts and Missouri with the shipped rules.
    private static readonly Dictionary<string, (Outcome Massachusetts, Outcome Missouri)> Expected = new()
    {
        ["gift-60-dollars.json"] = (Outcome.AgainstCode, Outcome.AgainstCode),
        ["relationship-eight-months-after-support-ended.json"] = (Outcome.AgainstCode, Outcome.NeedsReview),
        ["loan.json"] = (Outcome.AgainstCode, Outcome.NeedsReview),
        ["impaired.json"] = (Outcome.AgainstCode, Outcome.NeedsReview),
        ["business.json"] = (Outcome.AgainstCode, Outcome.NeedsReview),
    };

    private static List<string> SampleNames() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "situations"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Samples() => new(SampleNames());

    [Fact]
    public void The_five_samples_of_the_issue_are_there()
    {
        Assert.Superset(Expected.Keys.ToHashSet(), SampleNames().ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_sample_evaluates_under_every_program(string sample)
    {
        var app = apps[DatabaseProvider.Sqlite];
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(RulesApiTests.SamplePath(sample)));
        var read = SituationReader.FromJson(json.RootElement, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
        Assert.True(read.IsValid, string.Join(" ", read.Errors.SelectMany(e => e.Value)));
        Assert.False(string.IsNullOrWhiteSpace(read.Situation!.Description), "each sample says in words what happened");

        await using var scope = app.Scope();
        var evaluations = await scope.ServiceProvider.GetRequiredService<SituationEvaluator>().EvaluateAsync(read.Situation);

        Assert.Equal([Seeds.Massachusetts, Seeds.Missouri], evaluations.Select(e => e.Program));
        Assert.All(evaluations, e => Assert.NotEmpty(e.Rules));
        Assert.All(evaluations, e => Assert.All(e.Rules, r => Assert.NotEmpty(r.Trace.Principles)));
        if (Expected.TryGetValue(sample, out var expected))
        {
            Assert.Equal(expected.Massachusetts, evaluations[0].Outcome);
            Assert.Equal(expected.Missouri, evaluations[1].Outcome);
        }
    }
}
