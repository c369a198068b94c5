using System.Net;

namespace PeerEthics.Tests.Codes.Pages;

public sealed class CodeVersionPagesTests(RevisedCodeApp revised) : IClassFixture<RevisedCodeApp>
{
    private const string Missouri = "/codes/missouri-cmps";

    [Fact]
    public async Task A_version_not_yet_in_force_says_so_and_links_to_the_version_in_force()
    {
        var page = await Html.GetAsync(revised.App.CreateClient(), $"{Missouri}/versions/2");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("You are reading version 2, which is not yet in force.", page.TextOf("not-in-force"), StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Missouri}\">Read version 1, the version in force</a>", page.Markup, StringComparison.Ordinal);
        Assert.Contains("<span class=\"principle-label\">19.</span>", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_page_still_shows_the_version_in_force_and_lists_every_version_with_its_status()
    {
        var page = await Html.GetAsync(revised.App.CreateClient(), Missouri);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("1 (in force now)", page.TextOf("version-facts"), StringComparison.Ordinal);
        var versions = page.TextOf("version-list");
        Assert.Contains("Version 2 — in force from 1 January 2027 , not yet in force.", versions, StringComparison.Ordinal);
        Assert.Contains("Version 1 (the one on this page) — in force from 1 January 2015 , in force now.", versions, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Missouri}/diff\"", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-in-force\"", page.Markup, StringComparison.Ordinal);
    }
}
