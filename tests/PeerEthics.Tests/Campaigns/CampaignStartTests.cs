using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Campaigns;

/// <summary>Publishing a new code version starts a re-commitment campaign: who is in it, its deadline, and what the publish says.</summary>
public sealed class CampaignStartTests
{
    [Theory, AllDatabases]
    public async Task A_new_version_starts_a_campaign_for_certified_specialists_and_trainees_of_the_program_only(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        var (certified, _) = await app.CertifiedAsync("Cara Certified");
        var trainee = await app.AddPersonAsync("Tom Trainee");
        await app.OpenAsync(trainee, CredentialStatus.Trainee);
        var applicant = await app.AddPersonAsync("Ana Applicant");
        await app.OpenAsync(applicant, CredentialStatus.Applicant);
        var (lapsed, lapsedCredential) = await app.CertifiedAsync("Len Lapsed");
        await app.ChangeAsync(lapsed, lapsedCredential.Id, CredentialStatus.Lapsed);
        await app.CertifiedAsync("Mo Missouri", program: Seeds.Missouri);

        var published = await app.PublishAsync(CampaignApp.Day0);

        var campaign = published.GetProperty("campaign");
        var id = campaign.GetProperty("id").GetInt32();
        Assert.Equal(2, published.GetProperty("version").GetInt32());
        Assert.Equal(2, campaign.GetProperty("mustSign").GetInt32());
        Assert.Equal("2027-01-22", campaign.GetProperty("deadline").GetString()); // 60 days, the default
        Assert.Equal($"/api/campaigns/{id}", campaign.GetProperty("url").GetString());
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            var members = await db.CampaignMembers.Where(m => m.CampaignId == id).OrderBy(m => m.PersonId).Select(m => new { m.PersonId, m.StatusAtStart }).ToListAsync();
            Assert.Equal([(certified, CredentialStatus.Certified), (trainee, CredentialStatus.Trainee)], members.Select(m => (m.PersonId, m.StatusAtStart)));
            var started = await db.AuditEntries.SingleAsync(e => e.Action == "campaign.started");
            Assert.Equal($"campaign:{id}", started.Target);
            Assert.Contains("2 must sign by 2027-01-22", started.Detail, StringComparison.Ordinal);
            Assert.Equal("test-registrar", started.Actor);
        }

        var listed = await app.Registrar().GetFromJsonAsync<JsonElement>("/api/campaigns");
        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal((2, 0, 2, 0), Totals(only));
        Assert.True(only.GetProperty("open").GetBoolean());

        // The same text again publishes nothing and starts nothing; a third version ends the second's campaign.
        var again = await app.Registrar().PostAsJsonAsync($"/api/codes/{Seeds.Massachusetts}/versions", new { text = CampaignApp.Revised(" and to ethics"), effective = "2026-11-23" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("campaign", out _));
        var third = await app.CampaignAsync(wording: " and to the law");
        var both = (await app.Registrar().GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray().ToList();
        Assert.Equal([third, id], both.Select(c => c.GetProperty("id").GetInt32()));
        Assert.False(both[1].GetProperty("open").GetBoolean());
        Assert.Contains("Version 3", both[1].GetProperty("endedReason").GetString(), StringComparison.Ordinal);
        var refused = await app.Registrar().PostAsJsonAsync($"/api/campaigns/{id}/deadline", new { deadline = "2027-02-01", reason = "Late" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("has ended", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("deadline")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task The_deadline_counts_the_programs_days_to_sign_from_the_effective_date_and_the_setting_is_bounded_14_to_365(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        await app.CertifiedAsync("Dee Days");
        var registrar = app.Registrar();
        object Settings(int? days) => new
        {
            effectiveFrom = "2026-11-23", renewalCycleMonths = 24, ceHoursPerCycle = 20, ethicsHoursPerCycle = 6, gracePeriodDays = 90, renewalWindowDays = 90,
            numberFormat = "CPS-######", signNewVersionDays = days,
        };

        var tooShort = await registrar.PostAsJsonAsync($"/api/programs/{Seeds.Massachusetts}/settings", Settings(13));
        var tooLong = await registrar.PostAsJsonAsync($"/api/programs/{Seeds.Massachusetts}/settings", Settings(366));
        var before = await registrar.GetFromJsonAsync<JsonElement>($"/api/programs/{Seeds.Massachusetts}");
        var shortest = await registrar.PostAsJsonAsync($"/api/programs/{Seeds.Massachusetts}/settings", Settings(14));
        var longest = await registrar.PostAsJsonAsync($"/api/programs/{Seeds.Massachusetts}/settings", Settings(365));
        var leftOut = await registrar.PostAsJsonAsync($"/api/programs/{Seeds.Massachusetts}/settings", Settings(null));
        var thirty = await registrar.PostAsJsonAsync($"/api/programs/{Seeds.Massachusetts}/settings", Settings(30));

        foreach (var refused in new[] { tooShort, tooLong })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal("The time to sign a new code version must be between 14 and 365 days.", errors.GetProperty("signNewVersionDays")[0].GetString());
        }

        Assert.Equal(1, before.GetProperty("history").GetArrayLength());
        Assert.Equal(60, before.GetProperty("settings").GetProperty("signNewVersionDays").GetInt32());
        Assert.Equal(HttpStatusCode.Created, shortest.StatusCode);
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Equal(365, (await leftOut.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signNewVersionDays").GetInt32()); // the value in force
        Assert.Equal(HttpStatusCode.Created, thirty.StatusCode);
        var history = (await registrar.GetFromJsonAsync<JsonElement>($"/api/programs/{Seeds.Massachusetts}")).GetProperty("history");
        Assert.Equal([60, 14, 365, 365, 30], history.EnumerateArray().Select(h => h.GetProperty("signNewVersionDays").GetInt32()));

        // A version effective in ten days opens then; the deadline is 30 days after that.
        var published = await app.PublishAsync(CampaignApp.Day0.AddDays(10));
        var campaign = published.GetProperty("campaign");
        Assert.Equal("2026-12-03", campaign.GetProperty("opensOn").GetString());
        Assert.Equal("2027-01-02", campaign.GetProperty("deadline").GetString());

        // The page shows the setting, in force and in the history, and refuses a bad value by its field.
        var page = await Codes.Pages.Html.GetAsync(registrar, $"/staff/programs/{Seeds.Massachusetts}");
        Assert.Contains("30 days", page.TextOf("in-force-sign-days"), StringComparison.Ordinal);
        var form = People.FormPost.Fields(("effectiveFrom", "2026-11-23"), ("renewalCycleMonths", "24"), ("ceHoursPerCycle", "20"), ("ethicsHoursPerCycle", "6"),
            ("gracePeriodDays", "90"), ("renewalWindowDays", "90"), ("numberFormat", "CPS-######"), ("signNewVersionDays", "7"));
        var bad = await People.FormPost.PostForPageAsync(registrar, $"/staff/programs/{Seeds.Massachusetts}", form);
        Assert.Contains("<a href=\"#signNewVersionDays\">The time to sign a new code version must be between 14 and 365 days.</a>", bad.Markup, StringComparison.Ordinal);
        Assert.Equal(5, (await registrar.GetFromJsonAsync<JsonElement>($"/api/programs/{Seeds.Massachusetts}")).GetProperty("history").GetArrayLength());
    }

    [Theory, AllDatabases]
    public async Task The_staff_publish_confirmation_says_the_campaign_started_with_its_deadline_and_how_many_must_sign(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        await app.CertifiedAsync("Pia Page");
        var registrar = app.Registrar();
        var draft = await Codes.Staff.StaffForms.PostNewDraftAsync(registrar, Seeds.Massachusetts, text: CampaignApp.Revised(" and to ethics"));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var draftUrl = draft.Headers.Location!.OriginalString;
        var asked = await Codes.Staff.StaffForms.ReadAsync(await Codes.Staff.StaffForms.PostDateAsync(registrar, draftUrl, "publish", "23", "11", "2026"));
        Assert.Contains("Publishing also starts a re-commitment campaign", asked.TextOf("confirm-what-happens"), StringComparison.Ordinal);

        var published = await Codes.Staff.StaffForms.PostDateAsync(registrar, draftUrl, "confirm", "23", "11", "2026");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var version = await Codes.Pages.Html.GetAsync(registrar, published.Headers.Location!.OriginalString);
        Assert.Contains("A re-commitment campaign started: 1 person must sign it by 22 January 2027.", version.TextOf("confirmation"), StringComparison.Ordinal);
    }

    internal static (int Members, int Signed, int Pending, int Overdue) Totals(JsonElement campaign)
    {
        var t = campaign.GetProperty("totals");
        return (t.GetProperty("members").GetInt32(), t.GetProperty("signed").GetInt32(), t.GetProperty("pending").GetInt32(), t.GetProperty("overdue").GetInt32());
    }
}
