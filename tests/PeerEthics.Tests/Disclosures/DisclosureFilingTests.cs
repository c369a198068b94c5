using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.Disclosures;
using PeerEthics.Rules;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;
using PeerEthics.Tests.Rules;

namespace PeerEthics.Tests.Disclosures;

/// <summary>Filing a disclosure: each kind evaluated under the person's own program and stored as evaluated; the check saves nothing.</summary>
public sealed class DisclosureFilingTests
{
    private const string Principle11 = "11. Certified Peer Specialists will not engage in business, extend or receive loans, or accept gifts of significant value from those they support.";

    /// <summary>One disclosure of each kind, and what the shipped Massachusetts rules make of it.</summary>
    private static readonly (object Body, string Outcome, string? Rule)[] EachKind =
    [
        (DisclosurePeople.Gift, "against-code", "ma-11-gift-received"),
        (new { kind = "loan", date = "2026-11-18", direction = "given", value = 20.00, counterpart = "currently-supported" }, "against-code", "ma-11-loans"),
        (new { kind = "business", date = "2026-11-10", counterpart = "currently-supported" }, "against-code", "ma-11-business"),
        (new { kind = "dual-relationship", counterpart = "currently-supported", relationship = "landlord-or-tenant" }, "needs-review", "ma-10-dual-relationship"),
        (new { kind = "intimate-relationship", date = "2026-11-20", counterpart = "formerly-supported", supportEnded = "2026-03-20" }, "against-code", "ma-13-intimate"),
        (new { kind = "impairment", date = "2026-11-21", impaired = true }, "against-code", "ma-14-impairment"),
        (new { kind = "other", description = "Someone I support asked me to be a reference for a job." }, "needs-review", null),
    ];

    [Theory, AllDatabases]
    public async Task Filing_each_kind_evaluates_it_under_the_persons_own_program_and_stores_the_evaluation(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var supervisor = await app.SupervisorAsync("Sam Supervisor");
        var specialist = await app.DiscloserAsync("Dana Discloser", supervisor);

        var ids = new List<int>();
        foreach (var (body, outcome, rule) in EachKind)
        {
            var response = await specialist.Client.PostAsJsonAsync("/api/my/disclosures", body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{JsonSerializer.Serialize(body)} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            ids.Add(json.GetProperty("id").GetInt32());
            Assert.Equal($"/api/my/disclosures/{ids[^1]}", response.Headers.Location?.OriginalString);
            Assert.Equal(outcome, json.GetProperty("outcome").GetString());
            Assert.Equal("awaiting-supervisor", json.GetProperty("status").GetString());
            var evaluation = Assert.Single(json.GetProperty("evaluations").EnumerateArray());
            Assert.Equal(Seeds.Massachusetts, evaluation.GetProperty("program").GetString());
            Assert.Equal(outcome, evaluation.GetProperty("outcome").GetString());
            var rules = evaluation.GetProperty("rules").EnumerateArray().ToList();
            if (rule is null)
            {
                Assert.Empty(rules); // nothing checks "something else": never within the code by silence
            }
            else
            {
                var result = Assert.Single(rules, r => r.GetProperty("rule").GetString() == rule);
                Assert.Equal(outcome, result.GetProperty("outcome").GetString());
                Assert.NotEmpty(result.GetProperty("trace").GetProperty("principles").EnumerateArray());
            }
        }

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var code = await db.CodeVersions.AsNoTracking().Where(v => v.Code.Slug == Seeds.Massachusetts).OrderByDescending(v => v.Number).Select(v => new { v.Number, v.ContentHash }).FirstAsync();
        var ruleSet = await db.RuleSets.AsNoTracking().Where(r => r.Code.Slug == Seeds.Massachusetts).OrderByDescending(r => r.Number).Select(r => new { r.Number, r.ContentHash }).FirstAsync();
        var stored = await db.Disclosures.AsNoTracking().Include(d => d.Evaluations).Where(d => d.PersonId == specialist.PersonId).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(ids, stored.Select(d => d.Id));
        foreach (var (disclosure, expected) in stored.Zip(EachKind))
        {
            Assert.Equal(supervisor.SupervisorId, disclosure.SupervisorId);
            Assert.Equal(specialist.UserId, disclosure.FiledBy);
            Assert.Equal(DisclosureStatus.AwaitingSupervisor, disclosure.Status);
            var evaluation = Assert.Single(disclosure.Evaluations);
            Assert.Equal((Seeds.Massachusetts, code.Number, code.ContentHash), (evaluation.Code, evaluation.CodeVersion, evaluation.CodeContentHash));
            Assert.Equal((ruleSet.Number, ruleSet.ContentHash), (evaluation.RuleSetVersion!.Value, evaluation.RuleSetHash!));
            Assert.Equal(expected.Outcome, Outcomes.Name(evaluation.Outcome));
            var result = StoredEvaluation.Read(evaluation.Result);
            string[] rules = expected.Rule is null ? [] : [expected.Rule];
            Assert.Equal(rules, result.Rules.Select(r => r.Rule));
        }

        Assert.Equal(new DateOnly(2026, 11, 23), stored.Single(d => d.Kind == "dual-relationship").Date); // no date: the day it was filed
    }

    [Theory, AllDatabases]
    public async Task A_trainee_is_evaluated_under_their_own_programs_code(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var trainee = await app.DiscloserAsync("Tam Trainee", supervisor: null, trainee: true, program: Seeds.Missouri);

        var id = await trainee.FileAsync(new { kind = "loan", date = "2026-11-18", direction = "given", value = 20.00, counterpart = "currently-supported" });

        var json = await trainee.Client.JsonAsync($"/api/my/disclosures/{id}");
        var evaluation = Assert.Single(json.GetProperty("evaluations").EnumerateArray());
        Assert.Equal(Seeds.Missouri, evaluation.GetProperty("program").GetString());
        Assert.Equal("needs-review", evaluation.GetProperty("outcome").GetString()); // Missouri is silent on loans
        Assert.Equal("with-ethics-staff", json.GetProperty("status").GetString()); // no supervisor on record
    }

    [Theory, AllDatabases]
    public async Task A_stored_evaluation_stays_as_filed_when_the_rules_change_and_cannot_be_edited(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var specialist = await app.DiscloserAsync("Ren Record", await app.SupervisorAsync("Sue Visor"));
        var id = await specialist.FileAsync(DisclosurePeople.Gift);
        var before = await specialist.Client.JsonAsync($"/api/my/disclosures/{id}");

        await using (var scope = app.Scope())
        {
            var raised = ShippedRuleFiles.Text(Seeds.Massachusetts).Replace("value: 50.00", "value: 100.00", StringComparison.Ordinal);
            Assert.IsType<RuleSetSaveOutcome.Saved>(await scope.ServiceProvider.GetRequiredService<RuleSetStore>().SaveAsync(Seeds.Massachusetts, raised));
        }

        var after = await specialist.Client.JsonAsync($"/api/my/disclosures/{id}");
        var now = await specialist.Client.PostAsJsonAsync("/api/my/disclosures?dryRun=true", DisclosurePeople.Gift);

        Assert.Equal("against-code", after.GetProperty("outcome").GetString());
        Assert.Equal(before.GetProperty("evaluations").GetRawText(), after.GetProperty("evaluations").GetRawText());
        Assert.Equal(1, after.GetProperty("evaluations")[0].GetProperty("ruleSet").GetProperty("version").GetInt32());
        var check = await now.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("within-code", check.GetProperty("outcome").GetString());
        Assert.Equal(2, check.GetProperty("evaluations")[0].GetProperty("ruleSet").GetProperty("version").GetInt32());

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            var evaluation = await db.DisclosureEvaluations.SingleAsync(e => e.DisclosureId == id);
            evaluation.Outcome = Outcome.WithinCode;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
    }

    [Theory, AllDatabases]
    public async Task The_check_button_shows_what_the_code_says_and_saves_nothing_then_sending_stores_it(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var specialist = await app.DiscloserAsync("Cass Checker", await app.SupervisorAsync("Val Visor"));
        var fields = FormPost.Fields(("kind", "gift"), ("date", "2026-11-20"), ("counterpart", "currently-supported"), ("direction", "received"),
            ("value", "60"), ("cashOrGiftCard", "false"), ("description", "A scarf for my birthday."));

        var checkedPage = await FormPost.PostForPageAsync(specialist.Client, "/my/disclosures/new", fields, postUrl: "/my/disclosures/new?handler=check");
        var dryRun = await specialist.Client.PostAsJsonAsync("/api/my/disclosures?dryRun=true", DisclosurePeople.Gift);

        Assert.Equal(HttpStatusCode.OK, checkedPage.Status);
        Assert.Contains("Nothing is saved yet", checkedPage.TextOf("check-status"), StringComparison.Ordinal);
        Assert.Equal("Against the code", checkedPage.TextOf("outcome-massachusetts-cps"));
        Assert.Contains(Principle11, checkedPage.Text, StringComparison.Ordinal);
        Assert.Contains("ma-11-gift-received", checkedPage.Text, StringComparison.Ordinal);
        Assert.Contains("value=\"60\"", checkedPage.Markup, StringComparison.Ordinal); // what was typed comes back
        Assert.Contains("A scarf for my birthday.", checkedPage.Markup, StringComparison.Ordinal);
        // After a check the address ends in ?handler=check: sending must post to the page itself, not check again.
        Assert.Contains("id=\"send\" formaction=\"/my/disclosures/new\"", checkedPage.Markup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Equal("against-code", (await dryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            Assert.Equal(0, await db.Disclosures.CountAsync());
            Assert.Equal(0, await db.DisclosureEvaluations.CountAsync());
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action.StartsWith("disclosure.")));
        }

        var sent = await FormPost.PostAsync(specialist.Client, "/my/disclosures/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var location = sent.Headers.Location!.OriginalString;
        Assert.Matches("^/my/disclosures/[0-9]+$", location);
        var saved = await Html.GetAsync(specialist.Client, location);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("Against the code", saved.TextOf("outcome-massachusetts-cps"));
        Assert.Contains(Principle11, saved.Text, StringComparison.Ordinal);
        Assert.Contains("How this was decided", saved.Text, StringComparison.Ordinal);
        Assert.Contains("With your supervisor", saved.TextOf("disclosure-status"), StringComparison.Ordinal);
        Assert.Contains("No decision yet", saved.Text, StringComparison.Ordinal);
        var list = await Html.GetAsync(specialist.Client, "/my/disclosures");
        Assert.Contains(location, list.Markup, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Disclosures.CountAsync());
        }
    }

    public static TheoryData<string, string[], string, string> InvalidInput() => new()
    {
        { "a value below zero", ["kind=gift", "direction=received", "value=-5", "cashOrGiftCard=false", "counterpart=currently-supported"], "value", "cannot be below zero" },
        { "a value with fractions of a cent", ["kind=loan", "direction=given", "value=12.345", "counterpart=currently-supported"], "value", "at most two decimal places" },
        { "a value that is not money", ["kind=loan", "direction=given", "value=twenty", "counterpart=currently-supported"], "value", "an amount in dollars" },
        { "a date in the future", ["kind=business", "counterpart=currently-supported", "date=2026-11-24"], "date", "cannot be in the future" },
        { "a date that is not a date", ["kind=business", "counterpart=currently-supported", "date=2026-02-30"], "date", "a real date" },
        { "a past relationship without the end of support", ["kind=intimate-relationship", "counterpart=formerly-supported"], "supportEnded", "last day you supported them" },
        { "support ending after the day it happened", ["kind=intimate-relationship", "counterpart=formerly-supported", "date=2026-11-01", "supportEnded=2026-11-10"], "supportEnded", "on or before that day" },
        { "support ending in the future", ["kind=intimate-relationship", "counterpart=formerly-supported", "supportEnded=2026-12-01"], "supportEnded", "cannot be in the future" },
        { "something else without a description", ["kind=other"], "description", "in your own words" },
        { "a description that is too long", ["kind=other", $"description={new string('x', 2001)}"], "description", "at most 2000 characters" },
        { "a gift without who gave it", ["kind=gift", "direction=received", "value=10", "cashOrGiftCard=false"], "counterpart", "who the other person is" },
        { "a gift without saying cash or not", ["kind=gift", "direction=received", "value=10", "counterpart=currently-supported"], "cashOrGiftCard", "cash or a gift card" },
        { "no kind", ["value=10"], "kind", "Choose what happened" },
        { "an unknown kind", ["kind=bribe"], "kind", "must be one of" },
    };

    [Theory, MemberData(nameof(InvalidInput))]
    public async Task Invalid_input_names_the_field_and_the_rule_keeps_what_was_typed_and_saves_nothing(string why, string[] input, string field, string message)
    {
        Assert.False(string.IsNullOrEmpty(why));
        await using var app = new PeopleApp(DatabaseProvider.Sqlite).Started();
        var specialist = await app.DiscloserAsync("Ivy Invalid", await app.SupervisorAsync("Ned Visor"));
        var fields = input.Select(i => i.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1])).ToList();

        var api = await specialist.Client.PostAsJsonAsync("/api/my/disclosures", fields.ToDictionary(f => f.Key, f => (object)(f.Key is "cashOrGiftCard" ? f.Value == "true" : f.Value)));
        var page = await FormPost.PostForPageAsync(specialist.Client, "/my/disclosures/new", fields);
        var check = await FormPost.PostForPageAsync(specialist.Client, "/my/disclosures/new", fields, postUrl: "/my/disclosures/new?handler=check");

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"{why}: no error for {field} in {errors}");
        Assert.Contains(message, messages[0].GetString()!, StringComparison.OrdinalIgnoreCase);
        foreach (var html in new[] { page, check })
        {
            Assert.Equal(HttpStatusCode.OK, html.Status);
            Assert.Contains(message, html.TextOf("error-summary"), StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"href=\"#{field}\"", html.Markup, StringComparison.Ordinal);
            Assert.Contains($"id=\"{field}-error\"", html.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"check-result\"", html.Markup, StringComparison.Ordinal);
            foreach (var (name, value) in fields.Where(f => f.Key is not ("kind" or "counterpart" or "direction" or "cashOrGiftCard")))
            {
                Assert.Contains(System.Net.WebUtility.HtmlEncode(value), html.Markup, StringComparison.Ordinal);
            }
        }

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        Assert.Equal(0, await db.Disclosures.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action.StartsWith("disclosure.")));
    }

    [Fact]
    public async Task Someone_bound_by_no_program_is_told_so_and_cannot_file()
    {
        await using var app = new PeopleApp(DatabaseProvider.Sqlite).Started();
        var user = await app.CreateUserAsync("applicant@example.org", PeerEthics.Accounts.Roles.PeerSpecialist);
        var personId = await app.AddPersonAsync("Abe Applicant", userEmail: "applicant@example.org");
        await app.OpenAsync(personId, PeerEthics.People.CredentialStatus.Applicant);
        var client = app.CreateClientAs(user.Id, [PeerEthics.Accounts.Roles.PeerSpecialist], mfa: false);

        var page = await Html.GetAsync(client, "/my/disclosures/new");
        var api = await client.PostAsJsonAsync("/api/my/disclosures", DisclosurePeople.Gift);

        Assert.Contains("ask your program's registrar", page.TextOf("no-program"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("no program", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("program")[0].GetString()!, StringComparison.Ordinal);
    }
}
