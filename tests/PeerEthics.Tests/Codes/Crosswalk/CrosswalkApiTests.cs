using System.Net.Http.Json;
using PeerEthics.Codes;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes.Crosswalk;

/// <summary>The crosswalk and the themes as the app serves them: the shipped theme file is found and used.</summary>
[Collection(SharedAppsDefinition.Name)]
public sealed class CrosswalkApiTests(SharedApps apps)
{
    [Theory, AllDatabases]
    public async Task The_api_crosswalk_of_the_shipped_codes_pairs_them_and_lists_what_each_lacks(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();

        var crosswalk = await client.GetFromJsonAsync<CrosswalkJson>("/api/crosswalk?left=massachusetts-cps&right=missouri-cmps");

        Assert.Equal(13, crosswalk!.Pairs.Count);
        Assert.Contains(crosswalk.Pairs, p => (p.Left, p.Right) == ("11.", "13.") && p.Themes.Contains("gifts-loans-business"));
        Assert.Equal(["14."], crosswalk.OnlyLeft);
        Assert.Equal(["14.", "15.", "16.", "17.", "18."], crosswalk.OnlyRight);
    }

    [Theory, AllDatabases]
    public async Task The_api_shows_each_principle_with_its_themes(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();

        var code = await client.GetFromJsonAsync<CodeVersionResponse>("/api/codes/massachusetts-cps");

        var principles = code!.Document.Principles;
        Assert.Equal("impairment", principles.Single(p => p.Label == "14.").Themes[0]);
        Assert.All(principles, p => Assert.NotEmpty(p.Themes));
    }
}
