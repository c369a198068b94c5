using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Audit;

/// <summary>The hash-chained audit trail: appends, concurrency, and every kind of tampering caught.</summary>
public sealed class AuditTrailTests
{
    [Theory, AllDatabases]
    public async Task Publishing_the_shipped_codes_and_their_rules_leaves_a_verifiable_trail(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        var verification = await AuditVerifier.VerifyAsync(db);

        // The codes are published first, then the rule files that cite them are saved.
        Assert.Equal(["code:massachusetts-cps/1", "code:missouri-cmps/1"], entries.Take(2).Select(e => e.Target).Order());
        Assert.All(entries.Take(2), e => Assert.Equal("code.version-published", e.Action));
        // Then the rule files that cite them, and the first administrator's invitation, which serve prepares.
        var rest = entries.Skip(2).ToList();
        Assert.Equal(["rules:massachusetts-cps/1", "rules:missouri-cmps/1"], rest.Where(e => e.Action == "rules.rule-set-saved").Select(e => e.Target).Order());
        Assert.Single(rest, e => e.Target.StartsWith("invitation:", StringComparison.Ordinal));
        Assert.Equal(3, rest.Count);
        Assert.Equal(StoredForm.ChainStart, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        }

        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(5, verification.Entries);
    }

    [Theory, AllDatabases]
    public async Task Concurrent_appends_form_one_unbroken_chain(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();

        await Parallel.ForEachAsync(Enumerable.Range(1, 40), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordNowAsync("test.append", $"item:{i}", cancellationToken: cancellationToken);
        });

        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var verification = await AuditVerifier.VerifyAsync(db);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(45, verification.Entries);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"item:{i}").Order(), (await db.AuditEntries.Where(e => e.Action == "test.append").Select(e => e.Target).ToListAsync()).Order());
    }

    [Theory, AllDatabases]
    public async Task Editing_one_byte_of_an_entry_is_detected_at_that_entry(DatabaseProvider provider)
    {
        await using var app = await AppWithEntriesAsync(provider, 5);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();

        await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditTrail" SET "Target" = 'item:X' WHERE "Sequence" = 4""");

        var verification = await AuditVerifier.VerifyAsync(db);
        Assert.Equal(4, verification.FirstBadSequence);
        Assert.Contains("altered", verification.Problem, StringComparison.Ordinal);
        Assert.Equal(3, verification.Entries);
    }

    [Theory, AllDatabases]
    public async Task Deleting_one_entry_is_detected_where_it_was(DatabaseProvider provider)
    {
        await using var app = await AppWithEntriesAsync(provider, 5);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();

        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditTrail" WHERE "Sequence" = 3""");

        var verification = await AuditVerifier.VerifyAsync(db);
        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Contains("entry 3 is missing", verification.Problem, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Deleting_an_entry_and_renumbering_the_rest_is_still_detected(DatabaseProvider provider)
    {
        await using var app = await AppWithEntriesAsync(provider, 5);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();

        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditTrail" WHERE "Sequence" = 3""");
        await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditTrail" SET "Sequence" = -"Sequence" WHERE "Sequence" > 3""");
        await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditTrail" SET "Sequence" = -"Sequence" - 1 WHERE "Sequence" < 0""");

        var verification = await AuditVerifier.VerifyAsync(db);
        Assert.Equal(3, verification.FirstBadSequence);
    }

    [Theory, AllDatabases]
    public async Task Swapping_two_entries_is_detected_at_the_first_of_them(DatabaseProvider provider)
    {
        await using var app = await AppWithEntriesAsync(provider, 5);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();

        await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditTrail" SET "Sequence" = -1 WHERE "Sequence" = 5""");
        await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditTrail" SET "Sequence" = 5 WHERE "Sequence" = 6""");
        await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditTrail" SET "Sequence" = 6 WHERE "Sequence" = -1""");

        var verification = await AuditVerifier.VerifyAsync(db);
        Assert.Equal(5, verification.FirstBadSequence);
        Assert.Contains("does not follow", verification.Problem, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task The_trail_cannot_be_changed_through_the_application(DatabaseProvider provider)
    {
        await using var app = await AppWithEntriesAsync(provider, 1);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var entry = await db.AuditEntries.FirstAsync();

        db.AuditEntries.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    /// <summary>An app whose trail holds the two shipped-code entries and then <paramref name="count"/> more.</summary>
    private static async Task<PeerEthicsAppFactory> AppWithEntriesAsync(DatabaseProvider provider, int count)
    {
        var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        for (var i = 1; i <= count; i++)
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordNowAsync("test.append", $"item:{i}");
        }

        return app;
    }
}
