using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.Rules;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Rules;

/// <summary>Rule sets in the database: the shipped ones loaded once, new versions saved, broken files refused.</summary>
public sealed class RuleSetStoreTests
{
    [Theory, AllDatabases]
    public async Task The_shipped_rule_files_load_once_per_code_however_often_the_app_starts(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();

        await app.Services.LoadShippedRulesAsync();
        await app.Services.LoadShippedRulesAsync();

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var sets = await db.RuleSets.AsNoTracking().Select(r => new { r.Code.Slug, r.Number, r.CodeVersions, r.ContentHash, r.Yaml }).OrderBy(r => r.Slug).ToListAsync();
        Assert.Equal([Seeds.Massachusetts, Seeds.Missouri], sets.Select(s => s.Slug));
        Assert.All(sets, s => Assert.Equal(1, s.Number));
        Assert.All(sets, s => Assert.Equal("1", s.CodeVersions));
        Assert.All(sets, s => Assert.Equal(StoredForm.Sha256Hex(s.Yaml), s.ContentHash));
        Assert.Equal(ShippedRuleFiles.Text(Seeds.Massachusetts), sets[0].Yaml);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "rules.rule-set-saved"));
    }

    [Theory, AllDatabases]
    public async Task A_broken_rule_file_is_refused_naming_the_line_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        var broken = ShippedRuleFiles.Text(Seeds.Massachusetts).Replace("principles: [\"14\"]", "principles: [\"15\"]", StringComparison.Ordinal);
        var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("[\"15\"]", StringComparison.Ordinal)) + 1;
        var before = await SnapshotAsync(app);

        await using var scope = app.Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RuleSetStore>().SaveAsync(Seeds.Massachusetts, broken);

        var refused = Assert.IsType<RuleSetSaveOutcome.Refused>(outcome);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(line, error.Place.Line);
        Assert.Contains("no principle labelled '15'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Theory, AllDatabases]
    public async Task A_changed_rule_file_is_saved_as_the_next_version_and_audited_and_the_same_text_again_changes_nothing(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        var changed = ShippedRuleFiles.Text(Seeds.Massachusetts).Replace("value: 50.00", "value: 100.00", StringComparison.Ordinal);

        await using (var scope = app.Scope())
        {
            var saved = Assert.IsType<RuleSetSaveOutcome.Saved>(await scope.ServiceProvider.GetRequiredService<RuleSetStore>().SaveAsync(Seeds.Massachusetts, changed.Replace("\n", "\r\n", StringComparison.Ordinal), "registrar@example.org"));
            Assert.Equal(2, saved.RuleSet.Number);
            Assert.Equal(StoredForm.Sha256Hex(changed), saved.RuleSet.ContentHash);
        }

        await using (var scope = app.Scope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<RuleSetStore>().SaveAsync(Seeds.Massachusetts, changed);
            Assert.Equal(2, Assert.IsType<RuleSetSaveOutcome.Unchanged>(again).RuleSet.Number);
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "rules.rule-set-saved").OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal(3, audit.Count);
            Assert.Equal("rules:massachusetts-cps/2", audit[^1].Target);

            // The newer rule set is the one evaluations now run: a $60 gift is no longer over the threshold.
            var evaluation = Assert.Single(await scope.ServiceProvider.GetRequiredService<SituationEvaluator>().EvaluateAsync(
                new Situation(Facts.Kinds.Gift, new DateOnly(2026, 11, 20), "received", 60m, false, Facts.Counterparts.CurrentlySupported), [Seeds.Massachusetts]));
            Assert.Equal(new RuleSetReference(2, StoredForm.Sha256Hex(changed)), evaluation.RuleSet);
            Assert.Equal(Outcome.WithinCode, evaluation.Outcome);
            Assert.Equal("$100.00", evaluation.Rules[0].Trace.Parameters.Single(p => p.Parameter == "significant-value").Value);
        }
    }

    [Theory, AllDatabases]
    public async Task A_saved_rule_set_cannot_be_changed_in_place(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var ruleSet = await db.RuleSets.FirstAsync();

        ruleSet.Yaml += "# changed";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private static async Task<string> SnapshotAsync(PeerEthicsAppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var sets = await db.RuleSets.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Number + ":" + r.ContentHash).ToListAsync();
        return string.Join(",", sets) + "|audit " + await db.AuditEntries.CountAsync();
    }
}
