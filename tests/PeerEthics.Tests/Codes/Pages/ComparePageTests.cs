using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Codes;
using PeerEthics.Codes.Crosswalk;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes.Pages;

[Collection(SharedAppsDefinition.Name)]
public sealed class ComparePageTests(SharedApps apps)
{
    [Theory, AllDatabases]
    public async Task The_comparison_starts_with_Massachusetts_and_Missouri_and_shows_every_pair_and_what_each_has_alone(DatabaseProvider provider)
    {
        var app = apps[provider];
        var crosswalk = await CrosswalkAsync(app, "massachusetts-cps", "missouri-cmps");

        var page = await Html.GetAsync(app.CreateClient(), "/compare");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<option value=\"massachusetts-cps\" selected=\"selected\">", page.Markup, StringComparison.Ordinal);
        Assert.Contains("<option value=\"missouri-cmps\" selected=\"selected\">", page.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(crosswalk.Pairs);
        Assert.Equal(crosswalk.Pairs.Count, page.Count("<li class=\"pair\">"));
        var onlyLeft = page.TextOf("only-left");
        Assert.StartsWith("Only in Massachusetts Certified Peer Specialist (CPS)", onlyLeft, StringComparison.Ordinal);
        Assert.Contains($"({crosswalk.OnlyLeft.Count})", onlyLeft, StringComparison.Ordinal);
        Assert.StartsWith("Only in Certified Missouri Peer Specialist (CMPS)", page.TextOf("only-right"), StringComparison.Ordinal);
        foreach (var principle in crosswalk.OnlyRight)
        {
            Assert.Contains(principle.Text, page.Text, StringComparison.Ordinal);
        }
    }

    [Theory, AllDatabases]
    public async Task Each_pair_says_why_it_matches_with_its_score_and_the_names_of_shared_themes(DatabaseProvider provider)
    {
        var app = apps[provider];
        var pair = (await CrosswalkAsync(app, "massachusetts-cps", "missouri-cmps")).Pairs.First(p => p.Themes.Count > 0);
        var theme = app.Services.GetRequiredService<CrosswalkBuilder>().Tagger.Taxonomy.Themes.Single(t => t.Id == pair.Themes[0]);

        var page = await Html.GetAsync(app.CreateClient(), "/compare?left=massachusetts-cps&right=missouri-cmps");

        Assert.Contains($"match score {pair.Score:0.00}", page.Text, StringComparison.Ordinal);
        Assert.Contains($"Shared themes: {theme.Name}", page.Text, StringComparison.Ordinal);
        Assert.Contains($"Shared words: {string.Join(", ", pair.SharedWords)}", page.Text, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Choosing_the_codes_the_other_way_round_compares_them_in_that_order(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(apps[provider].CreateClient(), "/compare?left=missouri-cmps&right=massachusetts-cps");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Only in Certified Missouri Peer Specialist (CMPS)", page.TextOf("only-left"), StringComparison.Ordinal);
        Assert.StartsWith("Only in Massachusetts Certified Peer Specialist (CPS)", page.TextOf("only-right"), StringComparison.Ordinal);
    }

    private static async Task<CodeCrosswalk> CrosswalkAsync(PeerEthicsAppFactory app, string left, string right)
    {
        await using var scope = app.Scope();
        var reader = scope.ServiceProvider.GetRequiredService<CodeReader>();
        var leftCode = await reader.GetAsync(left);
        var rightCode = await reader.GetAsync(right);
        return scope.ServiceProvider.GetRequiredService<CrosswalkBuilder>().Compute(leftCode!.Document.Principles, rightCode!.Document.Principles);
    }
}
