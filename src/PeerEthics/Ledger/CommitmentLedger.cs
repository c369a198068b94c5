using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;

namespace PeerEthics.Ledger;

/// <summary>What an append left in the ledger: the entry, the checkpoint made with it, and whether it was already there.</summary>
public sealed record LedgerAppend(LedgerEntry Entry, LedgerCheckpoint Checkpoint, bool AlreadyAppended);

/// <summary>
/// Appends commitments to the ledger. Appends are serialized across requests and processes (PostgreSQL: an
/// advisory lock held to the end of the transaction; SQLite: the write lock <c>BEGIN IMMEDIATE</c> takes), so the
/// chain never forks; each append also writes a signed checkpoint of the new size in the same transaction.
/// </summary>
public sealed class CommitmentLedger(PeerEthicsDb db, TimeProvider clock, LedgerSigningKey key)
{
    // Any fixed number, different from the audit trail's: the advisory lock that serialises ledger appends.
    private const string LockLedger = "SELECT pg_advisory_xact_lock(726100202)";

    /// <summary>
    /// Appends <paramref name="record"/> under <paramref name="idempotencyKey"/>. A retry with a key already used
    /// returns the entry it made (<see cref="LedgerAppend.AlreadyAppended"/>), whatever the record says now: the
    /// first append wins. Runs inside the caller's transaction when there is one — so the signing flow can save
    /// its own rows and the entry atomically — and in its own otherwise. It saves everything pending in the unit
    /// of work. Lock order: the ledger first, then the audit trail (audit entries pending here are sealed after
    /// the ledger lock is taken), so call it before saving audit entries in the same transaction.
    /// </summary>
    /// <exception cref="ArgumentException">The record is incomplete or malformed (a programming error: the signing flow validates input first).</exception>
    public async Task<LedgerAppend> AppendAsync(CommitmentRecord record, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            throw new ArgumentException("The idempotency key is required and at most 200 characters.", nameof(idempotencyKey));
        }

        if (record.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The commitment record cannot be appended: {string.Join(" ", problems.Select(p => $"{p.Key} {p.Value}"))}", nameof(record));
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var appended = await AppendLockedAsync(record, idempotencyKey, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return appended;
        }
        catch (DbUpdateException) when (own is not null)
        {
            // The unique index caught a concurrent append with the same key (or commitment id) that the lock
            // did not: the first one won. Start again and return it.
            await own.RollbackAsync(cancellationToken);
            await own.DisposeAsync();
            own = null;
            db.ChangeTracker.Clear();
            return await FindAsync(idempotencyKey, cancellationToken)
                ?? throw new InvalidOperationException($"The ledger refused commitment {record.CommitmentId}: it is already in the ledger under another idempotency key.");
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private async Task<LedgerAppend> AppendLockedAsync(CommitmentRecord record, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(LockLedger, cancellationToken);
        }
        else
        {
            // A deferred SQLite transaction (one the caller began) takes the write lock at its first write:
            // write now, so the head read below cannot go stale. A no-op on a table nobody reads.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerCheckpoints" SET "Id" = "Id" WHERE 0""", cancellationToken);
        }

        if (await FindAsync(idempotencyKey, cancellationToken) is { } existing)
        {
            return existing;
        }

        var head = await db.LedgerEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var size = head?.Sequence ?? 0;
        var frontier = await FrontierAsync(size, cancellationToken);

        var now = StoredForm.ToStoredPrecision(clock.GetUtcNow());
        var entry = new LedgerEntry
        {
            Sequence = size + 1,
            At = now,
            Kind = LedgerEntryKinds.Commitment,
            CommitmentId = record.CommitmentId,
            Payload = record.ToPayload(),
            PreviousHash = head?.Hash ?? StoredForm.ChainStart,
            IdempotencyKey = idempotencyKey,
        };
        entry.Hash = LedgerChain.ComputeHash(entry);
        frontier.Add(MerkleTree.LeafHash(entry.Hash));

        var checkpoint = new LedgerCheckpoint
        {
            Size = entry.Sequence,
            HeadHash = entry.Hash,
            MerkleRoot = Convert.ToHexStringLower(frontier.Root()),
            At = now,
            KeyId = key.KeyId,
            Signature = "",
            Frontier = frontier.ToString(),
        };
        checkpoint.Signature = key.Sign(LedgerChain.Statement(checkpoint));

        db.LedgerEntries.Add(entry);
        db.LedgerCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);
        return new LedgerAppend(entry, checkpoint, false);
    }

    private async Task<LedgerAppend?> FindAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        var entry = await db.LedgerEntries.AsNoTracking().FirstOrDefaultAsync(e => e.IdempotencyKey == idempotencyKey, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var checkpoint = await db.LedgerCheckpoints.AsNoTracking().FirstAsync(c => c.Size == entry.Sequence, cancellationToken);
        return new LedgerAppend(entry, checkpoint, true);
    }

    /// <summary>The frontier of the first <paramref name="size"/> entries: from the checkpoint of that size, else rebuilt from every entry.</summary>
    private async Task<MerkleFrontier> FrontierAsync(long size, CancellationToken cancellationToken)
    {
        if (size == 0)
        {
            return new MerkleFrontier();
        }

        var stored = await db.LedgerCheckpoints.AsNoTracking().Where(c => c.Size == size).Select(c => c.Frontier).FirstOrDefaultAsync(cancellationToken);
        if (stored is not null && MerkleFrontier.Parse(stored, size) is { } frontier)
        {
            return frontier;
        }

        var rebuilt = new MerkleFrontier();
        await foreach (var hash in db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Hash).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            rebuilt.Add(MerkleTree.LeafHash(hash));
        }

        return rebuilt;
    }
}
