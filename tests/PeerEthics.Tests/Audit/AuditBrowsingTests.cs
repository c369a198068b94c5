using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Audit;

/// <summary>Administrators browsing, filtering, paging, checking and exporting the audit trail. Each test has its own app.</summary>
public sealed class AuditBrowsingTests
{
    /// <summary>
    /// After the entries a fresh start leaves (23 November 2026: the shipped codes, their rule sets, the first
    /// administrator's invitation): four entries on the following days, one with a detail a spreadsheet would
    /// run as a formula. Returns how many entries there were before them.
    /// </summary>
    private static async Task<int> SeedAsync(PeerEthicsAppFactory app)
    {
        int startUp;
        await using (var scope = app.Scope())
        {
            startUp = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.CountAsync();
        }


        await RecordAsync(app, TimeSpan.FromDays(1), "account.sign-in", "user:alice", AuditOutcome.Success, null, "u-alice", "Alice@Example.org");
        await RecordAsync(app, TimeSpan.FromHours(2), "account.sign-in", "user:bob", AuditOutcome.Failure, "wrong password", "anonymous", "bob@example.org");
        await RecordAsync(app, TimeSpan.FromDays(1), "code.version-published", "code:missouri-cmps/2", AuditOutcome.Success, "effective 2027-01-01", "u-alice", "alice@example.org");
        await RecordAsync(app, TimeSpan.FromDays(1), "role.changed", "user:carol", AuditOutcome.Denied, "=HYPERLINK(\"http://evil.example\",\"click\")", "u-dan", "dan@example.org");
        return startUp;
    }

    private static async Task RecordAsync(PeerEthicsAppFactory app, TimeSpan later, string action, string target, string outcome, string? detail, string actor, string? name)
    {
        app.Clock.Advance(later);
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordNowAsync(action, target, outcome, detail, actor, name);
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/audit{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("entries").EnumerateArray()];
    }

    private static List<string> Targets(List<JsonElement> entries) => [.. entries.Select(e => e.GetProperty("target").GetString()!)];

    [Theory, AllDatabases]
    public async Task The_api_filters_by_time_actor_action_object_and_outcome_newest_first(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var admin = app.CreateClientAs(Roles.Administrator);
        _ = await admin.GetAsync("/health");
        var startUp = await SeedAsync(app);

        var all = Targets(await EntriesAsync(admin, ""));
        Assert.Equal(startUp + 4, all.Count);
        Assert.Equal(["user:carol", "code:missouri-cmps/2", "user:bob", "user:alice"], all.Take(4));
        Assert.Equal(["user:bob", "user:alice"], Targets(await EntriesAsync(admin, "?action=account.sign-in")));
        Assert.Equal(["code:missouri-cmps/2", "user:alice"], Targets(await EntriesAsync(admin, "?actor=ALICE")));
        Assert.Equal(["code:missouri-cmps/2", "user:alice"], Targets(await EntriesAsync(admin, "?actor=u-alice")));
        Assert.Equal(3, (await EntriesAsync(admin, "?action=code.*")).Count);
        Assert.Equal(["code:missouri-cmps/2", "code:missouri-cmps/1"], Targets(await EntriesAsync(admin, "?target=code:missouri-cmps")));
        Assert.Equal(["user:bob"], Targets(await EntriesAsync(admin, "?outcome=failure")));
        Assert.Equal(["user:bob", "user:alice"], Targets(await EntriesAsync(admin, "?from=2026-11-24&to=2026-11-24")));
        Assert.Equal(["user:carol", "code:missouri-cmps/2"], Targets(await EntriesAsync(admin, "?from=2026-11-25T00:00:00Z")));
        Assert.Equal(["user:alice"], Targets(await EntriesAsync(admin, "?from=2026-11-24T09:00:00Z&to=2026-11-24T09:00:00Z")));
        Assert.Empty(await EntriesAsync(admin, "?action=account.sign-in&outcome=denied"));

        var bad = await admin.GetAsync("/api/audit?from=yesterday&to=2020-01-01&outcome=maybe&limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("From must be a date in the form yyyy-mm-dd", errors.GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Outcome must be one of success, failure, denied", errors.GetProperty("outcome")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("limit must be between 1 and 500", errors.GetProperty("limit")[0].GetString(), StringComparison.Ordinal);
        var backwards = await admin.GetAsync("/api/audit?from=2026-11-25&to=2026-11-24");
        Assert.Contains("To must be on or after From", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task The_page_shows_the_filtered_entries_and_names_a_wrong_field_keeping_what_was_typed(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var admin = app.CreateClientAs(Roles.Administrator);
        _ = await admin.GetAsync("/health");
        await SeedAsync(app);

        var filtered = await Html.GetAsync(admin, "/admin/audit?actor=alice&action=account.sign-in");
        var wrong = await Html.GetAsync(admin, "/admin/audit?from=last+week&actor=alice");

        Assert.Equal(HttpStatusCode.OK, filtered.Status);
        Assert.Equal(1, filtered.Count("<tr id=\"entry-"));
        Assert.Contains("Alice@Example.org", filtered.TextOf("audit-entries"), StringComparison.Ordinal);
        Assert.Contains("24 November 2026, 09:00:00 UTC", filtered.TextOf("audit-entries"), StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit.csv?actor=alice&amp;action=account.sign-in\"", filtered.Markup, StringComparison.Ordinal);
        Assert.Contains("<option value=\"account.sign-in\" selected=\"selected\">", filtered.Markup, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Audit trail", wrong.Markup, StringComparison.Ordinal);
        Assert.Contains("From must be a date in the form yyyy-mm-dd (for example 2026-11-01)", wrong.TextOf("from-error"), StringComparison.Ordinal);
        Assert.Contains("href=\"#from\"", wrong.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"last week\"", wrong.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"alice\"", wrong.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"audit-entries\"", wrong.Markup, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Pages_follow_each_other_newest_first_without_gaps_or_repeats_while_new_entries_arrive(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var admin = app.CreateClientAs(Roles.Administrator);
        _ = await admin.GetAsync("/health");
        await using (var scope = app.Scope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var i = 1; i <= 120; i++)
            {
                audit.Record("test.entry", $"thing:{i:000}", actor: "cli");
            }

            await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().SaveChangesAsync();
        }

        var seen = new List<long>();
        var sizes = new List<int>();
        string? next = "/api/audit?action=test.entry&limit=50";
        while (next is not null)
        {
            var page = JsonDocument.Parse(await admin.GetStringAsync(next)).RootElement;
            var entries = page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
            sizes.Add(entries.Count);
            seen.AddRange(entries);
            next = page.GetProperty("next").GetString();
            if (sizes.Count == 1)
            {
                // New entries after the first page: the next pages go on from where it ended.
                await RecordAsync(app, TimeSpan.FromMinutes(1), "test.entry", "thing:new", AuditOutcome.Success, null, "cli", null);
            }
        }

        Assert.Equal([50, 50, 20], sizes);
        Assert.Equal(120, seen.Distinct().Count());
        Assert.Equal(seen.OrderDescending(), seen);

        var first = await Html.GetAsync(admin, "/admin/audit?action=test.entry");
        Assert.Equal(50, first.Count("<tr id=\"entry-"));
        Assert.Contains("thing:new", first.TextOf("audit-entries"), StringComparison.Ordinal);
        var olderHref = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(first.Markup, "href=\"([^\"]+)\" id=\"older-page\"").Groups[1].Value);
        var second = await Html.GetAsync(admin, olderHref);
        Assert.Equal(50, second.Count("<tr id=\"entry-"));
        Assert.Contains("thing:071", second.TextOf("audit-entries"), StringComparison.Ordinal);
        Assert.DoesNotContain("thing:072", second.TextOf("audit-entries"), StringComparison.Ordinal);
        var newerHref = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(second.Markup, "href=\"([^\"]+)\" id=\"newer-page\"").Groups[1].Value);
        var back = await Html.GetAsync(admin, newerHref);
        Assert.Equal(first.TextOf("audit-entries"), back.TextOf("audit-entries"));
    }

    [Theory, AllDatabases]
    public async Task The_csv_export_streams_the_current_filter_safe_to_open_in_a_spreadsheet_and_is_itself_audited(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var admin = app.CreateClientAs(Roles.Administrator);
        _ = await admin.GetAsync("/health");
        var startUp = await SeedAsync(app);

        var response = await admin.GetAsync("/admin/audit.csv?outcome=denied");
        var csv = await response.Content.ReadAsStringAsync();
        var everything = (await admin.GetStringAsync("/admin/audit.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("peerethics-audit-2026-11-26.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AuditCsv.Header, lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(",u-dan,dan@example.org,role.changed,user:carol,denied,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",", row, StringComparison.Ordinal);
        Assert.StartsWith($"{startUp + 4},2026-11-26T11:00:00.000000Z,", row, StringComparison.Ordinal);
        // Oldest first, every entry; each export leaves its own entry before its first row.
        Assert.Equal(1 + startUp + 4 + 2, everything.Length);
        Assert.StartsWith("1,", everything[1], StringComparison.Ordinal);
        Assert.Contains(",test-administrator,test-administrator@test.invalid,audit.exported,audit,success,csv: outcome denied,", everything[^2], StringComparison.Ordinal);
        Assert.Contains(",audit.exported,audit,success,csv: everything,", everything[^1], StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task The_verify_button_reports_an_intact_chain_and_names_the_first_entry_changed_behind_its_back(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var admin = app.CreateClientAs(Roles.Administrator);
        _ = await admin.GetAsync("/health");
        var startUp = await SeedAsync(app);

        var intact = await Html.GetAsync(admin, "/admin/audit?verify=true");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            // Bob's failed sign-in, the second seeded entry, is turned into a success behind the app's back.
            var bobs = startUp + 2;
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""UPDATE "AuditTrail" SET "Outcome" = 'success' WHERE "Sequence" = {bobs}"""));
        }

        var broken = await Html.GetAsync(admin, "/admin/audit?verify=true&outcome=failure");
        var api = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");

        Assert.Equal($"The audit trail is intact: all {startUp + 4} entries match the chain.", intact.TextOf("verify-result"));
        Assert.Contains($"The first entry that does not match is number {startUp + 2}: entry {startUp + 2} was altered", broken.TextOf("verify-result"), StringComparison.Ordinal);
        Assert.Equal(startUp + 2, api.GetProperty("firstBadSequence").GetInt64());
        Assert.Contains("<input type=\"hidden\" name=\"outcome\" value=\"failure\">", broken.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("-2", "'-2")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("\rCR", "\"'\rCR\"")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=A1,\"x\"", "\"'=A1,\"\"x\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_csv_cell_is_never_read_as_a_formula_and_is_quoted_when_it_must_be(string? value, string expected) =>
        Assert.Equal(expected, AuditCsv.Cell(value));
}
