using System.Net.Http.Json;
using PeerEthics.Codes;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes.Diff;

[Collection(SharedAppsDefinition.Name)]
public sealed class DiffApiTests(SharedApps apps)
{
    [Theory, AllDatabases]
    public async Task A_version_diffed_with_itself_through_the_api_is_unchanged_throughout(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();

        var diff = await client.GetFromJsonAsync<VersionDiffJson>("/api/codes/missouri-cmps/diff?from=1&to=1");

        Assert.Equal(18, diff!.Principles.Count);
        Assert.All(diff.Principles, p => Assert.Equal("unchanged", p.Change));
        Assert.All(diff.Principles, p => Assert.Equal(p.FromLabel, p.ToLabel));
    }
}

public sealed class RevisedDiffApiTests(PeerEthics.Tests.Codes.Pages.RevisedCodeApp revised) : IClassFixture<PeerEthics.Tests.Codes.Pages.RevisedCodeApp>
{
    [Fact]
    public async Task The_api_diff_names_reworded_removed_and_added_principles_with_their_words()
    {
        var client = revised.App.CreateClient();

        var diff = await client.GetFromJsonAsync<VersionDiffJson>("/api/codes/missouri-cmps/diff?from=1&to=2");

        Assert.True(diff!.HasChanges);
        Assert.Equal("unchanged", diff.Pledge.Change);
        var reworded = Assert.Single(diff.Principles, p => p.Change == "changed");
        Assert.Equal("13.", reworded.FromLabel);
        Assert.Contains(reworded.Words, w => w is { Change: "inserted", Text: var t } && t.Contains("loans", StringComparison.Ordinal));
        Assert.Contains(reworded.Words, w => w is { Change: "deleted", Text: var t } && t.Contains("significant", StringComparison.Ordinal));
        Assert.Equal("17.", Assert.Single(diff.Principles, p => p.Change == "removed").FromLabel);
        Assert.Equal("19.", Assert.Single(diff.Principles, p => p.Change == "added").ToLabel);
    }
}
