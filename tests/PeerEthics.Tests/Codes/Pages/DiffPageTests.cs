using System.Net;
using System.Text.RegularExpressions;

namespace PeerEthics.Tests.Codes.Pages;

public sealed class DiffPageTests(RevisedCodeApp revised) : IClassFixture<RevisedCodeApp>
{
    private const string Diff = "/codes/missouri-cmps/diff";

    [Fact]
    public async Task By_default_the_diff_goes_from_the_version_before_to_the_latest_one()
    {
        var page = await Html.GetAsync(revised.App.CreateClient(), Diff);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<option value=\"1\" selected=\"selected\">Version 1", page.Markup, StringComparison.Ordinal);
        Assert.Matches("<select id=\"to\" name=\"to\">\\s*<option value=\"1\">Version 1[^<]*</option>\\s*<option value=\"2\" selected=\"selected\">", page.Markup);
        Assert.Contains("<label for=\"from\">From version</label>", page.Markup, StringComparison.Ordinal);
        Assert.Contains("<label for=\"to\">To version</label>", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reworded_principle_marks_added_and_removed_words_and_says_so_in_words()
    {
        var page = await Html.GetAsync(revised.App.CreateClient(), $"{Diff}?from=1&to=2");

        var changed = Section(page, "changed");
        Assert.Contains("<h3 class=\"change-title\">Principle 13.</h3>", changed, StringComparison.Ordinal);
        Assert.Matches(new Regex("<ins><span class=\"visually-hidden\">\\[added: </span>[^<]*loans[^<]*<span class=\"visually-hidden\">\\]</span></ins>"), changed);
        Assert.Matches(new Regex("<del><span class=\"visually-hidden\">\\[removed: </span>[^<]*significant[^<]*<span class=\"visually-hidden\">\\]</span></del>"), changed);
        Assert.Contains("1 principle reworded", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Added_and_removed_principles_are_listed_in_their_own_sections()
    {
        var page = await Html.GetAsync(revised.App.CreateClient(), $"{Diff}?from=1&to=2");

        var added = Section(page, "added");
        Assert.Contains("<span class=\"principle-label\">19.</span>", added, StringComparison.Ordinal);
        Assert.Contains("continuing education", added, StringComparison.Ordinal);
        var removed = Section(page, "removed");
        Assert.Contains("<span class=\"principle-label\">17.</span>", removed, StringComparison.Ordinal);
        Assert.Contains("safe and healthy work environment", removed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_back_from_the_newer_version_to_the_older_one_turns_the_additions_into_removals()
    {
        var page = await Html.GetAsync(revised.App.CreateClient(), $"{Diff}?from=2&to=1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("continuing education", Section(page, "removed"), StringComparison.Ordinal);
        Assert.Contains("safe and healthy work environment", Section(page, "added"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=1&to=9")]
    [InlineData("?from=0&to=2")]
    public async Task A_version_the_code_does_not_have_is_the_not_found_page(string query)
    {
        var page = await Html.GetAsync(revised.App.CreateClient(), Diff + query);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("<h1>Page not found</h1>", page.Markup, StringComparison.Ordinal);
    }

    /// <summary>The markup of the section labelled by the heading with this id.</summary>
    private static string Section(Html page, string headingId)
    {
        var match = Regex.Match(page.Markup, $"<section aria-labelledby=\"{headingId}\">(.*?)</section>", RegexOptions.Singleline);
        Assert.True(match.Success, $"The page has no section labelled by #{headingId}.");
        return match.Groups[1].Value;
    }
}
