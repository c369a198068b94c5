using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using PeerEthics.Data;
using PeerEthics.Ledger;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Ledger;

/// <summary>Every kind of tampering with the ledger in the database is caught, and the first broken entry named.</summary>
public sealed class LedgerTamperingTests
{
    [Theory, AllDatabases]
    public async Task Changing_one_byte_of_an_entry_is_caught_at_that_entry(DatabaseProvider provider)
    {
        var (app, _) = await LedgerTestData.AppWithCommitmentsAsync(provider, 5);
        await using var __ = app;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();

        // "Person 4" becomes "Person 5" in the typed name: one byte.
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerEntries" SET "Payload" = REPLACE("Payload", '"typedName":"Person 4"', '"typedName":"Person 5"') WHERE "Sequence" = 4"""));

        var verification = await LedgerVerifier.VerifyAsync(db, LedgerTestData.PublicKey(app));
        Assert.Equal(4, verification.FirstBadSequence);
        Assert.Contains("entry 4 was altered", verification.Problem, StringComparison.Ordinal);
        Assert.Equal(3, verification.Entries);
    }

    [Theory, AllDatabases]
    public async Task Removing_an_entry_is_caught_where_it_was_even_the_last_one(DatabaseProvider provider)
    {
        var (app, _) = await LedgerTestData.AppWithCommitmentsAsync(provider, 5);
        await using var __ = app;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var key = LedgerTestData.PublicKey(app);

        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "LedgerEntries" WHERE "Sequence" = 3""");
        var middle = await LedgerVerifier.VerifyAsync(db, key);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "LedgerEntries" WHERE "Sequence" >= 3""");
        var tail = await LedgerVerifier.VerifyAsync(db, key);

        Assert.Equal(3, middle.FirstBadSequence);
        Assert.Contains("entry 3 is missing", middle.Problem, StringComparison.Ordinal);
        // The chain alone cannot tell that entries were cut off the end; the signed checkpoints can.
        Assert.Equal(3, tail.FirstBadSequence);
        Assert.Contains("checkpoint 3 covers 3 entries", tail.Problem, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Swapping_two_entries_is_caught_at_the_first_of_them(DatabaseProvider provider)
    {
        var (app, _) = await LedgerTestData.AppWithCommitmentsAsync(provider, 5);
        await using var __ = app;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();

        await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerEntries" SET "Sequence" = -1 WHERE "Sequence" = 2""");
        await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerEntries" SET "Sequence" = 2 WHERE "Sequence" = 3""");
        await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerEntries" SET "Sequence" = 3 WHERE "Sequence" = -1""");

        var verification = await LedgerVerifier.VerifyAsync(db, LedgerTestData.PublicKey(app));
        Assert.Equal(2, verification.FirstBadSequence);
        Assert.Contains("does not follow", verification.Problem, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_chain_rewritten_with_fresh_hashes_is_caught_by_the_signed_checkpoints(DatabaseProvider provider)
    {
        var (app, _) = await LedgerTestData.AppWithCommitmentsAsync(provider, 5);
        await using var __ = app;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();

        // Whoever edits entry 3 and recomputes every hash after it still cannot sign checkpoints.
        var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        var previous = entries[1].Hash;
        foreach (var entry in entries.Skip(2))
        {
            var payload = entry.Sequence == 3 ? entry.Payload.Replace("Person 3", "Person X", StringComparison.Ordinal) : entry.Payload;
            var hash = StoredForm.Sha256Hex(LedgerChain.Canonical(entry.Sequence, entry.At, entry.Kind, previous, payload));
            await db.Database.ExecuteSqlAsync($"""UPDATE "LedgerEntries" SET "Payload" = {payload}, "PreviousHash" = {previous}, "Hash" = {hash} WHERE "Sequence" = {entry.Sequence}""");
            previous = hash;
        }

        var verification = await LedgerVerifier.VerifyAsync(db, LedgerTestData.PublicKey(app));
        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Equal(3, verification.BadCheckpointSize);
        Assert.Contains("no longer matches signed checkpoint 3", verification.Problem, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_checkpoint_signed_by_another_key_is_refused(DatabaseProvider provider)
    {
        var (app, _) = await LedgerTestData.AppWithCommitmentsAsync(provider, 3);
        await using var __ = app;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var key = LedgerTestData.PublicKey(app);
        var checkpoint = await db.LedgerCheckpoints.AsNoTracking().SingleAsync(c => c.Size == 2);

        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var otherKeyId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(other.PublicKey.Export(KeyBlobFormat.RawPublicKey)))[..16];
        string SignWithOther(string keyId) => Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(other, System.Text.Encoding.UTF8.GetBytes(
            LedgerChain.Statement(checkpoint.Size, checkpoint.HeadHash, checkpoint.MerkleRoot, checkpoint.At, keyId))));

        // Signed by the other key, under its own key id…
        await db.Database.ExecuteSqlAsync($"""UPDATE "LedgerCheckpoints" SET "KeyId" = {otherKeyId}, "Signature" = {SignWithOther(otherKeyId)} WHERE "Size" = 2""");
        var ownId = await LedgerVerifier.VerifyAsync(db, key);
        // …and passed off under the ledger's key id.
        await db.Database.ExecuteSqlAsync($"""UPDATE "LedgerCheckpoints" SET "KeyId" = {key.KeyId}, "Signature" = {SignWithOther(key.KeyId)} WHERE "Size" = 2""");
        var forged = await LedgerVerifier.VerifyAsync(db, key);

        Assert.Equal(2, ownId.BadCheckpointSize);
        Assert.Contains($"signed by key {otherKeyId}, not by the ledger's published key {key.KeyId}", ownId.Problem, StringComparison.Ordinal);
        Assert.Null(ownId.FirstBadSequence);
        Assert.Equal(2, forged.BadCheckpointSize);
        Assert.Contains("signature that is not valid", forged.Problem, StringComparison.Ordinal);
    }
}
