using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.Campaigns;

/// <summary>Changing a campaign's deadline: refused by field and rule with nothing changed, or recorded with its reason and audited.</summary>
public sealed class CampaignDeadlineTests
{
    [Theory, AllDatabases]
    public async Task A_bad_deadline_change_names_the_field_and_the_rule_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        await app.CertifiedAsync("Dana Deadline");
        var id = await app.CampaignAsync();
        var registrar = app.Registrar();
        var cases = new (object Body, string Field, string Rule)[]
        {
            (new { deadline = "", reason = "Board decision" }, "deadline", "Enter the new deadline"),
            (new { deadline = "2027-02-30", reason = "Board decision" }, "deadline", "is not a real date"),
            (new { deadline = "2026-11-22", reason = "Board decision" }, "deadline", "must be today (2026-11-23) or later"),
            (new { deadline = "2027-11-24", reason = "Board decision" }, "deadline", "at most 365 days after signing opened"),
            (new { deadline = "2027-01-22", reason = "Board decision" }, "deadline", "already 2027-01-22"),
            (new { deadline = "2027-02-22", reason = "  " }, "reason", "Enter why the deadline changes"),
            (new { deadline = "2027-02-22", reason = new string('x', 501) }, "reason", "at most 500 characters"),
        };
        var before = await CountsAsync(app);

        foreach (var (body, field, rule) in cases)
        {
            var response = await registrar.PostAsJsonAsync($"/api/campaigns/{id}/deadline", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Contains(rule, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        }

        var page = await FormPost.PostForPageAsync(registrar, $"/staff/campaigns/{id}", FormPost.Fields(("deadline", "2026-01-01"), ("reason", "")));
        Assert.Contains("<a href=\"#deadline\">The new deadline must be today (2026-11-23) or later", page.Markup, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#reason\">Enter why the deadline changes", page.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-01-01\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", page.Markup, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal("2027-01-22", (await app.CampaignJsonAsync(id)).GetProperty("campaign").GetProperty("deadline").GetString());
    }

    [Theory, AllDatabases]
    public async Task A_deadline_change_is_kept_with_its_reason_audited_and_turns_overdue_people_back_to_pending(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        await app.CertifiedAsync("Ed Extended");
        var id = await app.CampaignAsync();
        app.SetDay(new DateOnly(2027, 1, 25));
        Assert.Equal((1, 0, 0, 1), CampaignStartTests.Totals((await app.CampaignJsonAsync(id)).GetProperty("campaign")));

        var changed = await FormPost.PostAsync(app.Registrar(), $"/staff/campaigns/{id}",
            FormPost.Fields(("deadline", "2027-02-28"), ("reason", "The reminder emails went out late.")));
        var api = await app.Registrar().PostAsJsonAsync($"/api/campaigns/{id}/deadline", new { deadline = "2027-03-15", reason = "Board extended it." });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal($"/staff/campaigns/{id}?changed=true", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var detail = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2027-03-15", detail.GetProperty("campaign").GetProperty("deadline").GetString());
        Assert.Equal((1, 0, 1, 0), CampaignStartTests.Totals(detail.GetProperty("campaign")));
        Assert.Equal(["2027-01-22 → 2027-02-28: The reminder emails went out late.", "2027-02-28 → 2027-03-15: Board extended it."],
            detail.GetProperty("deadlineChanges").EnumerateArray().Select(c => $"{c.GetProperty("from").GetString()} → {c.GetProperty("to").GetString()}: {c.GetProperty("reason").GetString()}"));
        var page = await Html.GetAsync(app.Registrar(), $"/staff/campaigns/{id}?changed=true");
        Assert.Contains("The deadline is now 15 March 2027", page.TextOf("deadline-changed"), StringComparison.Ordinal);
        Assert.Contains("The reminder emails went out late.", page.TextOf("deadline-history"), StringComparison.Ordinal);
        await using var scope = app.Scope();
        var audit = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.Where(e => e.Action == "campaign.deadline-changed").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([$"campaign:{id}", $"campaign:{id}"], audit.Select(e => e.Target));
        Assert.Equal("from 2027-01-22 to 2027-02-28: The reminder emails went out late.", audit[0].Detail);
    }

    [Theory, AllDatabases]
    public async Task Campaign_routes_for_a_campaign_that_does_not_exist_answer_not_found_and_others_than_staff_are_refused(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        await app.CertifiedAsync("Nia Notfound");
        var id = await app.CampaignAsync();
        var registrar = app.Registrar();

        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync($"/api/campaigns/{id + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.PostAsJsonAsync($"/api/campaigns/{id + 1}/deadline", new { deadline = "2027-02-01", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync($"/staff/campaigns/{id + 1}")).StatusCode);
        foreach (var role in new[] { Roles.PeerSpecialist, Roles.Supervisor, Roles.EthicsReviewer, Roles.Trainee })
        {
            var other = app.CreateClientAs(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/campaigns/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/campaigns/{id}/deadline", new { deadline = "2027-02-01", reason = "x" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(Roles.Registrar, mfa: false).GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal("2027-01-22", (await app.CampaignJsonAsync(id)).GetProperty("campaign").GetProperty("deadline").GetString());
    }

    private static async Task<(int Changes, int Audit, int Version)> CountsAsync(PeerEthicsAppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        return (await db.CampaignDeadlineChanges.CountAsync(), await db.AuditEntries.CountAsync(), await db.Campaigns.Select(c => c.Version).SingleAsync());
    }
}
