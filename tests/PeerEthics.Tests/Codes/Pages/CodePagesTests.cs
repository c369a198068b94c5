using System.Net;
using System.Text.Json;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes.Pages;

[Collection(SharedAppsDefinition.Name)]
public sealed class CodePagesTests(SharedApps apps)
{
    private const string Massachusetts = "/codes/massachusetts-cps";

    [Theory, AllDatabases]
    public async Task The_home_page_says_what_PeerEthics_is_and_links_to_the_codes_and_the_comparison(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(apps[provider].CreateClient(), "/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("peer specialist", page.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"/codes\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("href=\"/compare\"", page.Markup, StringComparison.Ordinal);
        Assert.Equal(1, page.Count("<h1"));
    }

    [Theory, AllDatabases]
    public async Task The_codes_list_shows_each_code_with_its_program_and_the_version_in_force(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(apps[provider].CreateClient(), "/codes");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"href=\"{Massachusetts}\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("href=\"/codes/missouri-cmps\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Massachusetts Certified Peer Specialist (CPS)", page.Text, StringComparison.Ordinal);
        Assert.Contains("Certified Missouri Peer Specialist (CMPS)", page.Text, StringComparison.Ordinal);
        Assert.Equal(2, page.Count("Version 1, since"));
        Assert.Contains("1 January 2015", page.Text, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task The_Massachusetts_code_page_shows_principle_13_the_pledge_and_the_version_facts(DatabaseProvider provider)
    {
        var client = apps[provider].CreateClient();
        var hash = JsonDocument.Parse(await client.GetStringAsync("/api/codes/massachusetts-cps")).RootElement.GetProperty("contentHash").GetString();

        var page = await Html.GetAsync(client, Massachusetts);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<span class=\"principle-label\">13.</span>", page.Markup, StringComparison.Ordinal);
        Assert.Contains("never engage in sexual/intimate activities", page.Text, StringComparison.Ordinal);
        var pledge = page.TextOf("pledge-text");
        Assert.StartsWith("I (blank for the name) fully understand the Code of Ethics and commit myself", pledge, StringComparison.Ordinal);
        Assert.EndsWith("Signature (blank for the signature) Date: (blank for the date)", pledge, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"pledge\">Pledge</h2>", page.Markup, StringComparison.Ordinal);
        Assert.Equal(hash, page.TextOf("content-hash"));
        Assert.Contains("1 (in force now)", page.TextOf("version-facts"), StringComparison.Ordinal);
        Assert.Contains("This code has only one version so far", page.Text, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task The_Massachusetts_code_page_shows_its_preamble_who_else_it_binds_and_its_revision_history_as_printed(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(apps[provider].CreateClient(), Massachusetts);

        Assert.Contains("<p class=\"preamble\">The following principles will guide Certified Peer Specialists", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Who else this code applies to training participants", page.Text, StringComparison.Ordinal);
        Assert.Equal("Revised in 2006, 2008, 2013 and 2015.", page.TextOf("revision-years"));
        Assert.Contains("Written and approved by the Georgia Mental Health Consumer Network", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"other-text\"", page.Markup, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task The_Missouri_code_page_shows_its_issuer_and_its_lead_in_once_and_no_pledge(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(apps[provider].CreateClient(), "/codes/missouri-cmps");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Issued by Missouri Department of Mental Health", page.Text, StringComparison.Ordinal);
        Assert.Equal(1, page.Count("class=\"lead-in\""));
        Assert.Contains("as embodied in the statements below:", page.Text, StringComparison.Ordinal);
        Assert.Contains("<span class=\"principle-label\">18.</span>", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"pledge\"", page.Markup, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_numbered_version_has_its_own_page_with_links_to_download_and_print_it(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(apps[provider].CreateClient(), $"{Massachusetts}/versions/1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<span class=\"principle-label\">14.</span>", page.Markup, StringComparison.Ordinal);
        foreach (var format in new[] { "md", "json", "html" })
        {
            Assert.Contains($"href=\"{Massachusetts}/versions/1/export.{format}\"", page.Markup, StringComparison.Ordinal);
        }

        Assert.Contains($"href=\"{Massachusetts}/versions/1/print\"", page.Markup, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task The_print_view_has_the_code_its_fingerprint_and_where_it_came_from_but_no_site_navigation(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(apps[provider].CreateClient(), $"{Massachusetts}/versions/1/print");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<span class=\"principle-label\">13.</span>", page.Markup, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", page.TextOf("content-hash"));
        Assert.EndsWith($"{Massachusetts}/versions/1", page.TextOf("source-url"), StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Main\"", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md", "text/markdown", "# Certified Peer Specialists Code of Ethics Massachusetts")]
    [InlineData("json", "application/json", "\"contentHash\"")]
    [InlineData("html", "text/html", "<h1>Certified Peer Specialists Code of Ethics Massachusetts</h1>")]
    public async Task The_code_downloads_as_a_named_file_in_each_format(string format, string mediaType, string expected)
    {
        var response = await apps[DatabaseProvider.Sqlite].CreateClient().GetAsync($"{Massachusetts}/export.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"massachusetts-cps-v1.{format}", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/codes/no-such-code")]
    [InlineData("/codes/massachusetts-cps/versions/9")]
    [InlineData("/codes/massachusetts-cps/versions/9/print")]
    [InlineData("/codes/no-such-code/diff")]
    [InlineData("/codes/massachusetts-cps/export.pdf")]
    [InlineData("/codes/no-such-code/export.md")]
    [InlineData("/compare?left=massachusetts-cps&right=no-such-code")]
    public async Task An_unknown_code_version_or_format_is_the_not_found_page(string url)
    {
        var page = await Html.GetAsync(apps[DatabaseProvider.Sqlite].CreateClient(), url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("<h1>Page not found</h1>", page.Markup, StringComparison.Ordinal);
        Assert.Contains("href=\"/codes\"", page.Markup, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task The_diff_page_of_a_code_with_one_version_says_plainly_there_is_nothing_to_compare(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(apps[provider].CreateClient(), $"{Massachusetts}/diff");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("only one version, so there is nothing to compare yet", page.TextOf("only-one-version"), StringComparison.Ordinal);
        Assert.DoesNotContain("<form", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/codes")]
    [InlineData(Massachusetts)]
    [InlineData(Massachusetts + "/versions/1/print")]
    [InlineData(Massachusetts + "/diff")]
    [InlineData("/compare")]
    [InlineData("/codes/no-such-code")]
    public async Task Pages_carry_no_inline_styles_or_scripts_so_a_strict_content_security_policy_can_come(string url)
    {
        var page = await Html.GetAsync(apps[DatabaseProvider.Sqlite].CreateClient(), url);

        Assert.DoesNotMatch("<[^>]+\\sstyle=", page.Markup);
        Assert.DoesNotContain("<style", page.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", page.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]+\\son[a-z]+=", page.Markup);
    }
}
