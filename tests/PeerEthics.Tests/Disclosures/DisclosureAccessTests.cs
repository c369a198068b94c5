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

namespace PeerEthics.Tests.Disclosures;

/// <summary>
/// Who sees a disclosure: the person, the supervisor it went to, ethics staff; anyone else gets a 404 on every {id}
/// route. Decisions reach the person; every read is audited, by id only.
/// </summary>
public sealed class DisclosureAccessTests
{
    [Theory, AllDatabases]
    public async Task A_new_supervisor_takes_over_the_persons_disclosures_and_with_none_left_a_waiting_one_goes_to_ethics_staff(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var former = await app.SupervisorAsync("Fay Former");
        var next = await app.SupervisorAsync("Ned Next");
        var me = await app.DiscloserAsync("Moe Moving", former);
        var id = await me.FileAsync(DisclosurePeople.Gift);
        var registrar = app.CreateClientAs(Roles.Registrar);

        var moved = await registrar.PutAsJsonAsync($"/api/people/{me.PersonId}", new { legalName = "Moe Moving", supervisorId = next.SupervisorId, userEmail = await EmailOfAsync(app, me.UserId) });
        var formerAfterMove = (await former.Client.GetAsync($"/api/supervision/disclosures/{id}")).StatusCode;
        var nextAfterMove = (await next.Client.GetAsync($"/api/supervision/disclosures/{id}")).StatusCode;
        var none = await registrar.PutAsJsonAsync($"/api/people/{me.PersonId}", new { legalName = "Moe Moving", userEmail = await EmailOfAsync(app, me.UserId) });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, formerAfterMove);
        Assert.Equal(HttpStatusCode.OK, nextAfterMove);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await next.Client.GetAsync($"/api/supervision/disclosures/{id}")).StatusCode);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var disclosure = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == id);
        Assert.Equal((null, PeerEthics.Disclosures.DisclosureStatus.WithEthicsStaff), (disclosure.SupervisorId, disclosure.Status));
        var moves = await db.AuditEntries.Where(e => e.Action == "disclosure.reassigned" && e.Target == $"disclosure:{id}").OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync();
        Assert.Equal([$"supervisor:{former.SupervisorId} to supervisor:{next.SupervisorId}", $"supervisor:{next.SupervisorId} to ethics staff"], moves);
    }

    private static async Task<string?> EmailOfAsync(PeopleApp app, string userId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync();
    }

    [Theory, AllDatabases]
    public async Task Another_persons_disclosure_is_not_found_on_every_id_route(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var supervisor = await app.SupervisorAsync("Hal Visor");
        var me = await app.DiscloserAsync("Mia Mine", supervisor);
        var other = await app.DiscloserAsync("Oli Other", supervisor);
        var theirs = await other.FileAsync(DisclosurePeople.Gift);
        var mine = await me.FileAsync(DisclosurePeople.Gift);

        foreach (var path in new[] { $"/api/my/disclosures/{theirs}", $"/my/disclosures/{theirs}", "/api/my/disclosures/999999", "/my/disclosures/999999" })
        {
            var response = await me.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path} answered {response.StatusCode}");
            Assert.DoesNotContain("Oli Other", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await me.Client.GetAsync($"/api/my/disclosures/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync($"/my/disclosures/{theirs}")).StatusCode);
        var list = await me.Client.JsonAsync("/api/my/disclosures");
        Assert.Equal([mine], list.EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
        var page = await Html.GetAsync(me.Client, "/my/disclosures");
        Assert.Contains($"/my/disclosures/{mine}\"", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain($"/my/disclosures/{theirs}\"", page.Markup, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_supervisor_sees_and_decides_only_the_disclosures_of_the_people_they_supervise(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var mine = await app.SupervisorAsync("Ada Visor");
        var theirs = await app.SupervisorAsync("Bo Visor");
        var supervisee = await app.DiscloserAsync("Cy Supervised", mine);
        var stranger = await app.DiscloserAsync("Di Elsewhere", theirs);
        var ownId = await supervisee.FileAsync(DisclosurePeople.Gift);
        var otherId = await stranger.FileAsync(DisclosurePeople.Gift);

        var queue = await mine.Client.JsonAsync("/api/supervision/disclosures");
        var page = await Html.GetAsync(mine.Client, "/supervision/disclosures");

        Assert.Equal([ownId], queue.EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
        Assert.Contains("Cy Supervised", page.TextOf("waiting"), StringComparison.Ordinal);
        Assert.DoesNotContain("Di Elsewhere", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await mine.Client.GetAsync($"/supervision/disclosures/{ownId}")).StatusCode);
        foreach (var path in new[] { $"/api/supervision/disclosures/{otherId}", $"/supervision/disclosures/{otherId}" })
        {
            var response = await mine.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path} answered {response.StatusCode}");
        }

        var apiDecision = await mine.Client.PostAsJsonAsync($"/api/supervision/disclosures/{otherId}/decision", new { decision = "acknowledged" });
        var pageDecision = await FormPost.PostAsync(mine.Client, $"/supervision/disclosures/{ownId}", FormPost.Fields(("decision", "acknowledged")), postUrl: $"/supervision/disclosures/{otherId}");
        Assert.Equal(HttpStatusCode.NotFound, apiDecision.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pageDecision.StatusCode);

        // The specialist is not a supervisor; a supervisor with no linked record sees nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisee.Client.GetAsync("/api/supervision/disclosures")).StatusCode);
        var unlinked = app.CreateClientAs("unlinked-supervisor", [Roles.Supervisor], mfa: false);
        Assert.Empty((await unlinked.JsonAsync("/api/supervision/disclosures")).EnumerateArray());
        Assert.Contains("not linked", (await Html.GetAsync(unlinked, "/supervision/disclosures")).TextOf("not-linked"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await unlinked.GetAsync($"/api/supervision/disclosures/{ownId}")).StatusCode);

        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().DisclosureDecisions.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task The_supervisors_decision_and_note_reach_the_person(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var supervisor = await app.SupervisorAsync("Gil Visor");
        var specialist = await app.DiscloserAsync("Flo Filer", supervisor);
        var id = await specialist.FileAsync(DisclosurePeople.Gift);

        var missingNote = await FormPost.PostForPageAsync(supervisor.Client, $"/supervision/disclosures/{id}", FormPost.Fields(("decision", "guidance-given"), ("note", " ")));
        Assert.Contains("Write the guidance you gave", missingNote.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("href=\"#note\"", missingNote.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"guidance-given\" checked=\"checked\"", missingNote.Markup, StringComparison.Ordinal);

        var decided = await FormPost.PostAsync(supervisor.Client, $"/supervision/disclosures/{id}",
            FormPost.Fields(("decision", "guidance-given"), ("note", "Thank them, and say the program does not allow gifts over $50."), ("version", "0")));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var json = await specialist.Client.JsonAsync($"/api/my/disclosures/{id}");
        var decision = Assert.Single(json.GetProperty("decisions").EnumerateArray());
        Assert.Equal("decided", json.GetProperty("status").GetString());
        Assert.Equal("guidance-given", decision.GetProperty("decision").GetString());
        Assert.Equal("Thank them, and say the program does not allow gifts over $50.", decision.GetProperty("note").GetString());
        Assert.Equal("supervisor", decision.GetProperty("decidedAs").GetString());
        var page = await Html.GetAsync(specialist.Client, $"/my/disclosures/{id}");
        Assert.Contains("Guidance given", page.TextOf("decisions"), StringComparison.Ordinal);
        Assert.Contains("by your supervisor", page.TextOf("decisions"), StringComparison.Ordinal);
        Assert.Contains("does not allow gifts over $50", page.TextOf("decisions"), StringComparison.Ordinal);
        Assert.Contains("Guidance given", (await Html.GetAsync(specialist.Client, "/my/disclosures")).TextOf("disclosures"), StringComparison.Ordinal);

        // Deciding from a page read before that decision is refused, naming what happened.
        var stale = await supervisor.Client.PostAsJsonAsync($"/api/supervision/disclosures/{id}/decision", new { decision = "acknowledged", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("since you opened it", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("decision")[0].GetString()!, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Ethics_staff_see_referred_disclosures_and_those_without_a_supervisor_and_decide_them(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var supervisor = await app.SupervisorAsync("Ike Visor");
        var referred = await app.DiscloserAsync("Jo Referred", supervisor);
        var alone = await app.DiscloserAsync("Kai Alone", supervisor: null);
        var kept = await app.DiscloserAsync("Lu Kept", supervisor);
        var referredId = await referred.FileAsync(new { kind = "intimate-relationship", date = "2026-11-20", counterpart = "formerly-supported", supportEnded = "2026-03-20" });
        var aloneId = await alone.FileAsync(DisclosurePeople.Gift);
        var keptId = await kept.FileAsync(DisclosurePeople.Gift);
        var refer = await supervisor.Client.PostAsJsonAsync($"/api/supervision/disclosures/{referredId}/decision", new { decision = "referred", note = "This needs the program's view." });
        Assert.Equal(HttpStatusCode.OK, refer.StatusCode);
        var staff = app.EthicsStaff();

        var queue = await Html.GetAsync(staff, "/ethics/disclosures");
        var json = await staff.JsonAsync("/api/ethics/disclosures");

        Assert.Contains("Jo Referred", queue.TextOf("waiting"), StringComparison.Ordinal);
        Assert.Contains("Kai Alone", queue.TextOf("waiting"), StringComparison.Ordinal);
        Assert.DoesNotContain("Lu Kept", queue.TextOf("waiting"), StringComparison.Ordinal);
        Assert.Contains("Lu Kept", queue.TextOf("others"), StringComparison.Ordinal);
        Assert.Equal(
            [(keptId, "awaiting-supervisor"), (aloneId, "with-ethics-staff"), (referredId, "with-ethics-staff")],
            json.EnumerateArray().Select(d => (d.GetProperty("id").GetInt32(), d.GetProperty("status").GetString())));

        // Once referred, the supervisor no longer decides; ethics staff do, and cannot refer further.
        var late = await supervisor.Client.PostAsJsonAsync($"/api/supervision/disclosures/{referredId}/decision", new { decision = "acknowledged" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var supervisorPage = await Html.GetAsync(supervisor.Client, $"/supervision/disclosures/{referredId}");
        Assert.Contains("ethics staff", supervisorPage.TextOf("with-ethics-staff"), StringComparison.Ordinal);
        Assert.DoesNotContain("Save decision", supervisorPage.Text, StringComparison.Ordinal);
        var referFurther = await staff.PostAsJsonAsync($"/api/ethics/disclosures/{referredId}/decision", new { decision = "referred", note = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, referFurther.StatusCode);

        var plan = await FormPost.PostAsync(staff, $"/ethics/disclosures/{referredId}",
            FormPost.Fields(("decision", "corrective-plan"), ("note", "End the relationship or wait until March; meet your supervisor monthly.")));
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);

        var seen = await referred.Client.JsonAsync($"/api/my/disclosures/{referredId}");
        Assert.Equal(["referred", "corrective-plan"], seen.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("decision").GetString()));
        Assert.Equal("ethics-staff", seen.GetProperty("decisions")[1].GetProperty("decidedAs").GetString());
        Assert.Equal("decided", seen.GetProperty("status").GetString());
        var staffPage = await Html.GetAsync(staff, $"/ethics/disclosures/{referredId}");
        Assert.Contains("A corrective plan agreed", staffPage.TextOf("decisions"), StringComparison.Ordinal);

        // Ethics staff are reviewers with a second factor; a registrar is not ethics staff.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs("reviewer-no-mfa", [Roles.EthicsReviewer], mfa: false).GetAsync("/api/ethics/disclosures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs("registrar", [Roles.Registrar], mfa: true).GetAsync($"/api/ethics/disclosures/{referredId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/ethics/disclosures/999999")).StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Every_read_is_audited_by_id_and_no_content_reaches_the_audit_trail(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var supervisor = await app.SupervisorAsync("Mo Visor");
        var specialist = await app.DiscloserAsync("Nia Private", supervisor);
        const string Secret = "A scarf for my birthday.";
        var id = await specialist.FileAsync(DisclosurePeople.Gift);
        var staff = app.EthicsStaff("ethics-auditee");

        async Task<List<(string Actor, string Action, string Target)>> ReadsAsync()
        {
            await using var scope = app.Scope();
            return [.. (await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.AsNoTracking()
                    .Where(e => e.Action == "disclosure.viewed" || e.Action == "disclosure.listed").OrderBy(e => e.Sequence).ToListAsync())
                .Select(e => (e.Actor, e.Action, e.Target))];
        }

        var reads = new (HttpClient Client, string Actor, string Url, string Action, string Target)[]
        {
            (specialist.Client, specialist.UserId, "/api/my/disclosures", "disclosure.listed", $"person:{specialist.PersonId}"),
            (specialist.Client, specialist.UserId, "/my/disclosures", "disclosure.listed", $"person:{specialist.PersonId}"),
            (specialist.Client, specialist.UserId, $"/api/my/disclosures/{id}", "disclosure.viewed", $"disclosure:{id}"),
            (specialist.Client, specialist.UserId, $"/my/disclosures/{id}", "disclosure.viewed", $"disclosure:{id}"),
            (supervisor.Client, supervisor.UserId, "/api/supervision/disclosures", "disclosure.listed", $"supervisor:{supervisor.SupervisorId}"),
            (supervisor.Client, supervisor.UserId, "/supervision/disclosures", "disclosure.listed", $"supervisor:{supervisor.SupervisorId}"),
            (supervisor.Client, supervisor.UserId, $"/api/supervision/disclosures/{id}", "disclosure.viewed", $"disclosure:{id}"),
            (supervisor.Client, supervisor.UserId, $"/supervision/disclosures/{id}", "disclosure.viewed", $"disclosure:{id}"),
            (staff, "ethics-auditee", "/api/ethics/disclosures", "disclosure.listed", "disclosures:all"),
            (staff, "ethics-auditee", "/ethics/disclosures", "disclosure.listed", "disclosures:all"),
            (staff, "ethics-auditee", $"/api/ethics/disclosures/{id}", "disclosure.viewed", $"disclosure:{id}"),
            (staff, "ethics-auditee", $"/ethics/disclosures/{id}", "disclosure.viewed", $"disclosure:{id}"),
        };
        foreach (var (client, actor, url, action, target) in reads)
        {
            var before = await ReadsAsync();
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {response.StatusCode}");
            var added = (await ReadsAsync()).Skip(before.Count).ToList();
            Assert.True(added.SequenceEqual([(actor, action, target)]), $"GET {url} audited [{string.Join(", ", added)}]");
        }

        // A refused read is not a read of the disclosure; nothing about it is recorded as viewed.
        var count = (await ReadsAsync()).Count;
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.Client.GetAsync("/api/my/disclosures/999999")).StatusCode);
        Assert.Equal(count, (await ReadsAsync()).Count);

        await supervisor.Client.PostAsJsonAsync($"/api/supervision/disclosures/{id}/decision", new { decision = "guidance-given", note = "Private guidance text." });
        await using var scope = app.Scope();
        var entries = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith("disclosure.")).ToListAsync();
        Assert.Contains(entries, e => e.Action == "disclosure.filed" && e.Target == $"disclosure:{id}" && e.Actor == specialist.UserId);
        Assert.Contains(entries, e => e.Action == "disclosure.decided" && e.Target == $"disclosure:{id}" && e.Actor == supervisor.UserId);
        foreach (var entry in entries)
        {
            var text = $"{entry.Target} {entry.Detail}";
            foreach (var content in new[] { Secret, "Private guidance", "gift", "60", "currently-supported", "against", "guidance-given" })
            {
                Assert.DoesNotContain(content, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory, AllDatabases]
    public async Task Staff_link_a_supervisor_record_to_an_account_and_the_supervisor_then_sees_their_queue(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var registrar = app.CreateClientAs("registrar-1", [Roles.Registrar], mfa: true);
        var created = await registrar.PostAsJsonAsync("/api/people/supervisors", new { name = "Pat Newvisor", email = "pat@example.org" });
        var supervisorId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var user = await app.CreateUserAsync("pat@example.org", Roles.Supervisor);
        var supervisor = new SupervisorAccount(supervisorId, user.Id, app.CreateClientAs(user.Id, [Roles.Supervisor], mfa: false));
        var specialist = await app.DiscloserAsync("Quin Supervised", supervisor);
        var id = await specialist.FileAsync(DisclosurePeople.Gift);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Client.GetAsync($"/api/supervision/disclosures/{id}")).StatusCode);

        var unknown = await registrar.PostAsJsonAsync($"/api/people/supervisors/{supervisorId}/account", new { userEmail = "nobody@example.org" });
        var missing = await registrar.PostAsJsonAsync("/api/people/supervisors/999999/account", new { userEmail = "pat@example.org" });
        var specialistTries = await specialist.Client.PostAsJsonAsync($"/api/people/supervisors/{supervisorId}/account", new { userEmail = "quin.supervised@example.org" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("userEmail", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, specialistTries.StatusCode);

        var linked = await registrar.PostAsJsonAsync($"/api/people/supervisors/{supervisorId}/account", new { userEmail = "PAT@example.org" });

        Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Client.GetAsync($"/api/supervision/disclosures/{id}")).StatusCode);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        Assert.Equal(user.Id, (await db.Supervisors.AsNoTracking().SingleAsync(s => s.Id == supervisorId)).UserId);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "supervisor.account-linked" && e.Target == $"supervisor:{supervisorId}"));
    }
}
