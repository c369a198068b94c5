using System.Net;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Registry;

/// <summary>The registry's pages: search, a credential, a number typed in, and what they say about the data's age.</summary>
public sealed class RegistryPagesTests
{
    [Theory, AllDatabases]
    public async Task The_search_page_lists_matches_and_says_when_the_data_was_last_updated(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        await app.ListedAsync("Siobhán Ní Bhriain", "CPS-000321", CredentialStatus.Lapsed, expiresOn: new DateOnly(2025, 1, 31));
        using var client = app.CreateClient();

        var empty = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/registry"));
        var page = await client.GetStringAsync("/registry?q=siobhan&page=1");

        Assert.Contains("<h1>Check a peer specialist's credential</h1>", empty, StringComparison.Ordinal);
        Assert.Contains("Applicants and trainees are not listed", empty, StringComparison.Ordinal);
        Assert.Contains("Last updated <time datetime=\"2026-11-23T09:00:00Z\">23 November 2026</time>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/registry/CPS-000321\">Siobhán Ní Bhriain</a>", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Lapsed", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2025-01-31\">31 January 2025</time>", page, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_credential_page_shows_its_status_in_plain_words_and_an_empty_notices_section(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        await app.ListedAsync("Kwame Mensah", "CMPS-000005", CredentialStatus.Revoked, program: "missouri-cmps");
        using var client = app.CreateClient();

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/registry/cmps-000005"));

        Assert.Contains("<h1>Kwame Mensah</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Certification withdrawn by the program.", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Public notices</h2>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"last-updated\"", page, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task An_unknown_number_gets_a_404_page_and_a_typed_number_goes_to_its_page(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var missing = await client.GetAsync("/registry/CPS-123456");
        var typed = await client.GetAsync("/registry?number=+cps-000009+");
        var blank = await client.GetStringAsync("/registry?number=");
        var tooShort = await client.GetStringAsync("/registry?q=a");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No listed credential has this number", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal("/registry/CPS-000009", typed.Headers.Location?.OriginalString);
        Assert.Contains("id=\"number-error\"", blank, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#number\">Enter a credential number", blank, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#q\">Enter at least 2 letters", tooShort, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", tooShort, StringComparison.Ordinal);
    }
}
