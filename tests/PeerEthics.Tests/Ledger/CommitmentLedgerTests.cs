using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.Ledger;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Ledger;

/// <summary>Appending to the ledger: chaining, checkpoints, idempotency, transactions, concurrency, immutability.</summary>
public sealed class CommitmentLedgerTests
{
    [Theory, AllDatabases]
    public async Task An_append_chains_the_entry_and_signs_a_checkpoint_of_the_new_size(DatabaseProvider provider)
    {
        var (app, appends) = await LedgerTestData.AppWithCommitmentsAsync(provider, 3);
        await using var _ = app;

        var key = LedgerTestData.PublicKey(app);
        Assert.Equal([1L, 2, 3], appends.Select(a => a.Entry.Sequence));
        Assert.Equal(StoredForm.ChainStart, appends[0].Entry.PreviousHash);
        Assert.Equal(appends[0].Entry.Hash, appends[1].Entry.PreviousHash);
        Assert.All(appends, a => Assert.Equal(a.Entry.Sequence, a.Checkpoint.Size));
        Assert.All(appends, a => Assert.True(key.Verify(LedgerChain.Statement(a.Checkpoint), a.Checkpoint.Signature)));
        Assert.Equal(
            Convert.ToHexStringLower(MerkleTree.Root([.. appends.Select(a => MerkleTree.LeafHash(a.Entry.Hash))])),
            appends[2].Checkpoint.MerkleRoot);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var stored = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.All(stored, e => Assert.Equal(LedgerChain.ComputeHash(e), e.Hash));
        Assert.Equal(appends[1].Entry.Payload, stored[1].Payload);
        Assert.Equal("Person 2", CommitmentRecord.FromPayload(stored[1].Payload)!.TypedName);
        var verification = await LedgerVerifier.VerifyAsync(db, key);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(3, verification.Entries);
        Assert.Equal(3, verification.CheckpointsChecked);
    }

    [Theory, AllDatabases]
    public async Task A_retried_append_with_the_same_key_returns_the_first_entry_and_adds_nothing(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        var first = await LedgerTestData.AppendAsync(app, await LedgerTestData.RecordAsync(app, "Jane Doe"), "sign:attempt-1");

        // The retry carries a new commitment id and time (the signing flow made it again): the first append wins.
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var retry = await LedgerTestData.AppendAsync(app, await LedgerTestData.RecordAsync(app, "Jane Doe"), "sign:attempt-1");

        Assert.False(first.AlreadyAppended);
        Assert.True(retry.AlreadyAppended);
        Assert.Equal(first.Entry.Hash, retry.Entry.Hash);
        Assert.Equal(first.Entry.CommitmentId, retry.Entry.CommitmentId);
        Assert.Equal(first.Checkpoint.Signature, retry.Checkpoint.Signature);
        await using var scope = app.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().LedgerEntries.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task Concurrent_appends_with_one_key_make_one_entry_and_distinct_ones_one_unbroken_chain(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        var records = new List<CommitmentRecord>();
        for (var i = 0; i < 24; i++)
        {
            records.Add(await LedgerTestData.RecordAsync(app, $"Signer {i}"));
        }

        var results = new System.Collections.Concurrent.ConcurrentBag<LedgerAppend>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 24), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            // Signers 0-7 are one person's retried request (one key); the others sign once each.
            results.Add(await LedgerTestData.AppendAsync(app, records[i], i < 8 ? "same-request" : $"request-{i}")));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        Assert.Equal(17, await db.LedgerEntries.CountAsync());
        Assert.Single(results.Where(r => r.Entry.IdempotencyKey == "same-request").Select(r => r.Entry.Hash).Distinct());
        Assert.Equal(7, results.Count(r => r.AlreadyAppended));
        var verification = await LedgerVerifier.VerifyAsync(db, LedgerTestData.PublicKey(app));
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(17, verification.CheckpointsChecked);
    }

    [Theory, AllDatabases]
    public async Task An_append_inside_the_callers_transaction_commits_or_rolls_back_with_it(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        var rolledBack = await LedgerTestData.RecordAsync(app, "Rolled Back");
        var committed = await LedgerTestData.RecordAsync(app, "Committed");

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<CommitmentLedger>().AppendAsync(rolledBack, "k1");
            await transaction.RollbackAsync();
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var appended = await scope.ServiceProvider.GetRequiredService<CommitmentLedger>().AppendAsync(committed, "k2");
            Assert.Equal(1, appended.Entry.Sequence);
            await transaction.CommitAsync();
        }

        await using var check = app.Scope();
        var entries = await check.ServiceProvider.GetRequiredService<PeerEthicsDb>().LedgerEntries.AsNoTracking().ToListAsync();
        Assert.Equal([committed.CommitmentId], entries.Select(e => e.CommitmentId));
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<PeerEthicsDb>().LedgerCheckpoints.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task Entries_and_checkpoints_cannot_be_changed_or_removed_through_the_application(DatabaseProvider provider)
    {
        var (app, _) = await LedgerTestData.AppWithCommitmentsAsync(provider, 1);
        await using var __ = app;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();

        var entry = await db.LedgerEntries.FirstAsync();
        entry.Payload = entry.Payload.Replace("Person 1", "Someone Else", StringComparison.Ordinal);
        var edit = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.LedgerCheckpoints.Remove(await db.LedgerCheckpoints.FirstAsync());
        var removal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("LedgerEntry", edit.Message, StringComparison.Ordinal);
        Assert.Contains("LedgerCheckpoint", removal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_record_is_refused_naming_the_fields()
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        _ = app.CreateClient();
        var record = await LedgerTestData.RecordAsync(app) with { CommitmentId = "not-a-guid", TypedName = " ", CodeHash = "ABC" };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => LedgerTestData.AppendAsync(app, record));

        Assert.Contains("CommitmentId", refused.Message, StringComparison.Ordinal);
        Assert.Contains("TypedName is required", refused.Message, StringComparison.Ordinal);
        Assert.Contains("CodeHash", refused.Message, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().LedgerEntries.CountAsync());
    }

    [Fact]
    public async Task The_signing_key_is_created_on_first_start_readable_by_its_owner_only_and_kept_across_restarts()
    {
        string keyId;
        string path;
        await using (var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite))
        {
            _ = app.CreateClient();
            path = Path.Combine(app.DataDirectory, "ledger-signing-key.pem");
            Assert.True(File.Exists(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            keyId = LedgerTestData.PublicKey(app).KeyId;
            var copy = LedgerSigningKey.Load(path)!;
            Assert.Equal(keyId, copy.KeyId);
        }

        var directory = Directory.CreateTempSubdirectory("peerethics-key-").FullName;
        try
        {
            var configured = Path.Combine(directory, "keys", "ledger.pem");
            using var created = LedgerSigningKey.LoadOrCreate(configured);
            using var again = LedgerSigningKey.LoadOrCreate(configured);
            Assert.Equal(created.KeyId, again.KeyId);
            Assert.NotEqual(keyId, created.KeyId);
            File.WriteAllText(configured, "not a key");
            Assert.Throws<InvalidOperationException>(() => LedgerSigningKey.Load(configured));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
