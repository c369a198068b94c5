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
