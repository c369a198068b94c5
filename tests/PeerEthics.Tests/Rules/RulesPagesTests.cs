using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Rules;

/// <summary>The public comparison page and the staff rules page, through real requests with antiforgery.</summary>
public sealed partial class RulesPagesTests
{
    [Theory, AllDatabases]
    public async Task The_comparison_page_shows_one_situation_under_each_code_with_the_principle_quoted(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var client = app.CreateClient();

        var page = await PostFormAsync(client, "/rules/compare", new()
        {
            ["kind"] = "intimate-relationship",
            ["counterpart"] = "formerly-supported",
            ["supportEnded"] = "2026-03-20",
            ["date"] = "2026-11-20",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Against the code", page.TextOf("outcome-massachusetts-cps"));
        Assert.Equal("Needs a supervisor's review", page.TextOf("outcome-missouri-cmps"));
        Assert.Contains("13. Certified Peer Specialists will never engage in sexual/intimate activities", page.Text, StringComparison.Ordinal);
        Assert.Contains("8. CMPS will never engage in exploitive and/or sexual/intimate activities", page.Text, StringComparison.Ordinal);
        Assert.Contains("the window ends on 2027-03-20", page.Text, StringComparison.Ordinal);
        Assert.Contains("program setting to confirm", page.Text, StringComparison.Ordinal);
        Assert.Contains("Also applies, cannot be checked by rule", page.TextOf("cannot-check-massachusetts-cps"), StringComparison.Ordinal);
        // The answers are shown again as given.
        Assert.Contains("value=\"2026-03-20\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("id=\"kind-intimate-relationship\" name=\"kind\" value=\"intimate-relationship\" checked=\"checked\"", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_answers_are_shown_again_with_an_error_that_names_the_field_and_no_result()
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        var page = await PostFormAsync(client, "/rules/compare", new() { ["kind"] = "gift", ["value"] = "sixty dollars", ["direction"] = "received" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("There is a problem", page.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("What it is worth: 'value' must be an amount in dollars", page.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("href=\"#field-value\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"sixty dollars\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("<option value=\"received\" selected=\"selected\">", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("What each code says", page.Text, StringComparison.Ordinal);
        Assert.StartsWith("Error:", Regex.Match(page.Markup, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_page_is_public_and_starts_with_an_empty_form()
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);

        var page = await Html.GetAsync(app.CreateClient(), "/rules/compare");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<form method=\"post\"", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("checked=\"checked\"", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("What each code says", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false, "/account/sign-in")]
    [InlineData(Roles.PeerSpecialist, true, "/account/access-denied")]
    [InlineData(Roles.Supervisor, true, "/account/access-denied")]
    [InlineData(Roles.Registrar, false, "/account/access-denied")]
    public async Task The_staff_rules_page_needs_a_registrar_or_administrator_signed_in_with_a_second_factor(string? role, bool mfa, string redirect)
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        var client = role is null
            ? app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : app.CreateClientAs(role, mfa);

        var response = await client.GetAsync("/staff/rules/massachusetts-cps");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(redirect, response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Registrar)]
    [InlineData(Roles.Administrator)]
    public async Task Staff_see_the_rule_file_and_its_versions(string role)
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);

        var page = await Html.GetAsync(app.CreateClientAs(role), "/staff/rules/massachusetts-cps");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(WebUtility.HtmlEncode(ShippedRuleFiles.Text(Seeds.Massachusetts)).Split('\n')[0], page.Markup, StringComparison.Ordinal);
        Assert.Contains("shipped with PeerEthics", page.TextOf("rule-set-versions"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientAs(role).GetAsync("/staff/rules/no-such-code")).StatusCode);
    }

    [Theory, AllDatabases]
    public async Task A_broken_rule_file_is_refused_on_the_page_naming_the_line_shown_again_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var client = app.CreateClientAs(Roles.Registrar);
        var broken = ShippedRuleFiles.Text(Seeds.Missouri).Replace("{ fact: kind, is: loan }", "{ fact: knid, is: loan }", StringComparison.Ordinal);
        var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("knid", StringComparison.Ordinal)) + 1;

        var page = await PostFormAsync(client, "/staff/rules/missouri-cmps?handler=Save", new() { ["Yaml"] = broken });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Line {line}, column 17: rule 'mo-13-loans': unknown fact 'knid'", page.TextOf("rule-errors"), StringComparison.Ordinal);
        Assert.Contains("knid", page.TextOf("yaml"), StringComparison.Ordinal);
        Assert.Equal(1, await RuleSetCountAsync(app, Seeds.Missouri));
    }

    [Theory, AllDatabases]
    public async Task An_uploaded_rule_file_is_checked_then_saved_as_a_new_version_and_audited(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var client = app.CreateClientAs(Roles.Registrar);
        var changed = ShippedRuleFiles.Text(Seeds.Missouri).Replace("value: 25.00", "value: 30.00", StringComparison.Ordinal);

        var checkedPage = await PostFormAsync(client, "/staff/rules/missouri-cmps?handler=Check", [], ("Upload", "missouri.rules.yaml", changed));
        Assert.Contains("No errors: 6 rules and 2 parameters", checkedPage.TextOf("checked-message"), StringComparison.Ordinal);
        Assert.Equal(1, await RuleSetCountAsync(app, Seeds.Missouri));

        var token = await TokenAsync(client, "/staff/rules/missouri-cmps");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "Yaml" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(changed)), "Upload", "missouri.rules.yaml" },
        };
        var saved = await client.PostAsync("/staff/rules/missouri-cmps?handler=Save", form);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/staff/rules/missouri-cmps?saved=2", saved.Headers.Location!.OriginalString);
        var after = await Html.GetAsync(client, saved.Headers.Location.OriginalString);
        Assert.Contains("Saved as rule-set version 2", after.TextOf("saved-message"), StringComparison.Ordinal);
        Assert.Contains("value: 30.00", after.TextOf("yaml"), StringComparison.Ordinal);
        Assert.Equal(2, await RuleSetCountAsync(app, Seeds.Missouri));
        await using var scope = app.Scope();
        var audit = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == "rules.rule-set-saved" && e.Target == "rules:missouri-cmps/2").SingleAsync();
        Assert.Equal("test-registrar", audit.Actor);
    }

    private static async Task<int> RuleSetCountAsync(PeerEthicsAppFactory app, string code)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().RuleSets.CountAsync(r => r.Code.Slug == code);
    }

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(url.Split('?')[0]);
        var match = TokenPattern().Match(page);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static async Task<Html> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, params (string Name, string FileName, string Text)[] files)
    {
        var token = await TokenAsync(client, url);
        HttpContent content;
        if (files.Length == 0)
        {
            content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        }
        else
        {
            var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }

            foreach (var (name, fileName, text) in files)
            {
                multipart.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), name, fileName);
            }

            content = multipart;
        }

        using (content)
        {
            var response = await client.PostAsync(url, content);
            return new Html(response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
