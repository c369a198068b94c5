using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Commitments;
using PeerEthics.Tests.ContinuingEducation;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Campaigns;

/// <summary>Signed, pending and overdue over time; the overdue flag on a person's pages and JSON; signing clears it.</summary>
public sealed class CampaignStateTests
{
    [Theory, AllDatabases]
    public async Task Members_are_pending_until_the_deadline_then_flagged_overdue_and_signing_clears_the_flag_and_moves_the_counts(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        var pat = await app.CertifiedSpecialistAsync("Pat Pending");
        var olu = await app.CertifiedSpecialistAsync("Olu Other");
        // Pat signed the version in force before the new one: renewal is met now, and not once the new version is in force.
        Assert.Equal(HttpStatusCode.Created, (await pat.Client.SignThroughApiAsync(Seeds.Massachusetts, "Pat Pending")).StatusCode);
        Assert.True(await CommitmentMetAsync(pat));
        var id = await app.CampaignAsync();
        var registrar = app.Registrar();

        var mine = await pat.Client.GetFromJsonAsync<JsonElement>("/api/my");
        Assert.False(mine.GetProperty("commitmentOverdue").GetBoolean());
        var due = Assert.Single(mine.GetProperty("commitmentsDue").EnumerateArray());
        Assert.Equal(("pending", "2027-01-22", 2), (due.GetProperty("state").GetString(), due.GetProperty("deadline").GetString(), due.GetProperty("codeVersion").GetInt32()));
        var myPage = await Html.GetAsync(pat.Client, "/my");
        Assert.Contains("the last day to sign is 22 January 2027", myPage.TextOf("commitment-due"), StringComparison.Ordinal);
        Assert.DoesNotContain("commitment-overdue", myPage.Markup, StringComparison.Ordinal);
        Assert.False(await CommitmentMetAsync(pat));

        // The deadline day itself is still on time.
        app.SetDay(new DateOnly(2027, 1, 22), hour: 23);
        Assert.Equal((2, 0, 2, 0), CampaignStartTests.Totals((await app.CampaignJsonAsync(id)).GetProperty("campaign")));

        app.SetDay(new DateOnly(2027, 1, 23), hour: 0);
        var overdue = await app.CampaignJsonAsync(id);
        Assert.Equal((2, 0, 0, 2), CampaignStartTests.Totals(overdue.GetProperty("campaign")));
        Assert.Equal(["overdue", "overdue"], overdue.GetProperty("notSigned").EnumerateArray().Select(m => m.GetProperty("state").GetString()));
        Assert.True((await pat.Client.GetFromJsonAsync<JsonElement>("/api/my")).GetProperty("commitmentOverdue").GetBoolean());
        Assert.Equal("overdue", (await pat.Client.GetFromJsonAsync<JsonElement>("/api/my/commitments")).GetProperty("due")[0].GetProperty("state").GetString());
        Assert.True((await registrar.GetFromJsonAsync<JsonElement>($"/api/people/{pat.PersonId}")).GetProperty("commitmentOverdue").GetBoolean());
        foreach (var (client, url) in new[] { (pat.Client, "/my"), (pat.Client, "/my/commitments"), (registrar, $"/staff/people/{pat.PersonId}") })
        {
            var page = await Html.GetAsync(client, url);
            Assert.True(page.Status == HttpStatusCode.OK, url);
            Assert.Contains("version 2 of the", page.TextOf("commitment-overdue"), StringComparison.Ordinal);
            Assert.Contains("The last day was 22 January 2027", page.TextOf("commitment-overdue"), StringComparison.Ordinal);
        }

        var dashboard = await Html.GetAsync(registrar, $"/staff/campaigns/{id}");
        Assert.Equal("0 signed", dashboard.TextOf("total-signed"));
        Assert.Equal("2 overdue", dashboard.TextOf("total-overdue"));

        // Late is better than never: Pat signs, the flag goes, the counts move; Olu is still overdue.
        var signed = await pat.Client.SignThroughApiAsync(Seeds.Massachusetts, "Pat Pending");
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        Assert.Equal(2, (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codeVersion").GetInt32());
        var after = await pat.Client.GetFromJsonAsync<JsonElement>("/api/my");
        Assert.False(after.GetProperty("commitmentOverdue").GetBoolean());
        Assert.Equal(0, after.GetProperty("commitmentsDue").GetArrayLength());
        Assert.DoesNotContain("commitment-overdue", (await Html.GetAsync(pat.Client, "/my")).Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("commitment-overdue", (await Html.GetAsync(registrar, $"/staff/people/{pat.PersonId}")).Markup, StringComparison.Ordinal);
        Assert.Contains("commitment-overdue", (await Html.GetAsync(registrar, $"/staff/people/{olu.PersonId}")).Markup, StringComparison.Ordinal);
        var counted = await app.CampaignJsonAsync(id);
        Assert.Equal((2, 1, 0, 1), CampaignStartTests.Totals(counted.GetProperty("campaign")));
        var patRow = counted.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("personId").GetInt32() == pat.PersonId);
        Assert.Equal("signed", patRow.GetProperty("state").GetString());
        Assert.Equal("Olu Other", Assert.Single(counted.GetProperty("notSigned").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("1 signed", (await Html.GetAsync(registrar, $"/staff/campaigns/{id}")).TextOf("total-signed"));
        Assert.True(await CommitmentMetAsync(pat));
    }

    [Theory, AllDatabases]
    public async Task The_dashboard_breaks_the_totals_down_by_employer_and_by_supervisor(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        int harbour, hill, ann, bo;
        await using (var scope = app.Scope())
        {
            var people = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
            harbour = Done(await people.AddOrganisationAsync("Harbour Recovery Center", null, null));
            hill = Done(await people.AddOrganisationAsync("Hill House", null, null));
            ann = Done(await people.AddSupervisorAsync("Ann Supervisor", null, null, harbour));
            bo = Done(await people.AddSupervisorAsync("Bo Supervisor", null, null, hill));
        }

        var a = await app.CertifiedSpecialistAsync("Ada Harbour");
        var b = await app.CertifiedSpecialistAsync("Ben Harbour");
        var c = await app.CertifiedSpecialistAsync("Cy Hill");
        var d = await app.CertifiedSpecialistAsync("Di Nowhere");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            foreach (var (person, organisation, supervisor) in new[] { (a, harbour, ann), (b, harbour, ann), (c, hill, bo) })
            {
                var row = await db.People.SingleAsync(p => p.Id == person.PersonId);
                (row.OrganisationId, row.SupervisorId) = (organisation, supervisor);
            }

            await db.SaveChangesAsync();
        }

        var id = await app.CampaignAsync();
        Assert.Equal(HttpStatusCode.Created, (await a.Client.SignThroughApiAsync(Seeds.Massachusetts, "Ada Harbour")).StatusCode);
        app.SetDay(new DateOnly(2027, 2, 1));

        var detail = await app.CampaignJsonAsync(id);

        string Row(JsonElement group) => $"{group.GetProperty("name").GetString()}: {group.GetProperty("totals").GetProperty("signed").GetInt32()}/{group.GetProperty("totals").GetProperty("pending").GetInt32()}/{group.GetProperty("totals").GetProperty("overdue").GetInt32()}";
        Assert.Equal(["Harbour Recovery Center: 1/0/1", "Hill House: 0/0/1", "No employer recorded: 0/0/1"], detail.GetProperty("byOrganisation").EnumerateArray().Select(Row));
        Assert.Equal(["Ann Supervisor: 1/0/1", "Bo Supervisor: 0/0/1", "No supervisor recorded: 0/0/1"], detail.GetProperty("bySupervisor").EnumerateArray().Select(Row));
        Assert.Equal(["Ben Harbour", "Cy Hill", "Di Nowhere"], detail.GetProperty("notSigned").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var page = await Html.GetAsync(app.Registrar(), $"/staff/campaigns/{id}");
        Assert.Contains("Harbour Recovery Center 1 0 1", page.TextOf("by-organisation"), StringComparison.Ordinal);
        Assert.Contains("Bo Supervisor 0 0 1", page.TextOf("by-supervisor"), StringComparison.Ordinal);
        Assert.Contains("Di Nowhere", page.TextOf("not-signed"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Harbour", page.TextOf("not-signed"), StringComparison.Ordinal);
        var list = await Html.GetAsync(app.Registrar(), "/staff/campaigns");
        Assert.Contains("1 of 4", list.TextOf($"campaign-{id}"), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_member_whose_credential_lapses_after_the_start_no_longer_has_to_sign_and_is_not_counted_overdue(DatabaseProvider provider)
    {
        await using var app = new CampaignApp(provider).Started();
        var stays = await app.CertifiedSpecialistAsync("Sam Stays");
        var lapses = await app.CertifiedSpecialistAsync("Lou Lapses");
        var id = await app.CampaignAsync();
        await using (var scope = app.Scope())
        {
            var lifecycle = scope.ServiceProvider.GetRequiredService<CredentialLifecycle>();
            Assert.IsType<PeerEthics.People.Forms.Outcome<CredentialView>.Done>(await lifecycle.ChangeStatusAsync(
                lapses.PersonId, lapses.Credential.Id, new StatusChangeInput("lapsed", "Did not renew")));
        }

        app.SetDay(new DateOnly(2027, 2, 1));
        var reminded = await app.RemindAsync();

        var detail = await app.CampaignJsonAsync(id);
        Assert.Equal((2, 0, 0, 1), CampaignStartTests.Totals(detail.GetProperty("campaign")));
        Assert.Equal(1, detail.GetProperty("campaign").GetProperty("totals").GetProperty("excused").GetInt32());
        Assert.Equal("Sam Stays", Assert.Single(detail.GetProperty("notSigned").EnumerateArray()).GetProperty("name").GetString());
        var lou = detail.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("personId").GetInt32() == lapses.PersonId);
        Assert.Equal(("excused", "lapsed"), (lou.GetProperty("state").GetString(), lou.GetProperty("credentialStatus").GetString()));
        var listed = (await app.Registrar().GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id);
        Assert.Equal((2, 0, 0, 1), CampaignStartTests.Totals(listed));
        Assert.Equal(1, listed.GetProperty("totals").GetProperty("excused").GetInt32());
        Assert.Equal(1, reminded.Sent);

        var page = await Html.GetAsync(app.Registrar(), $"/staff/campaigns/{id}");
        Assert.Equal("1 overdue", page.TextOf("total-overdue"));
        Assert.Equal("1 no longer needs to sign", page.TextOf("total-excused"));
        Assert.Contains("Lou Lapses Certified Lapsed", page.TextOf("excused"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Lou Lapses", page.TextOf("not-signed"), StringComparison.Ordinal);
        Assert.Contains("0 of 1", (await Html.GetAsync(app.Registrar(), "/staff/campaigns")).TextOf($"campaign-{id}"), StringComparison.Ordinal);
        var theirs = await lapses.Client.GetFromJsonAsync<JsonElement>("/api/my");
        Assert.False(theirs.GetProperty("commitmentOverdue").GetBoolean());
        Assert.Equal(0, theirs.GetProperty("commitmentsDue").GetArrayLength());
        Assert.True((await stays.Client.GetFromJsonAsync<JsonElement>("/api/my")).GetProperty("commitmentOverdue").GetBoolean());
    }

    private static int Done(PeerEthics.People.Forms.Outcome<int> outcome) => Assert.IsType<PeerEthics.People.Forms.Outcome<int>.Done>(outcome).Value;

    private static async Task<bool> CommitmentMetAsync(Specialist specialist)
    {
        var renewal = await specialist.Client.GetFromJsonAsync<JsonElement>($"/api/my/credentials/{specialist.Credential.Id}/renewal");
        return renewal.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "commitment").GetProperty("met").GetBoolean();
    }
}
