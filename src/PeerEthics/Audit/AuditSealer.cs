using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PeerEthics.Data;

namespace PeerEthics.Audit;

/// <summary>
/// Seals new audit entries as they are saved: numbers them and links each to the hash of the entry before.
/// The entries commit in the same transaction as the change they record, and the chain is locked for the
/// length of that transaction (PostgreSQL: an advisory lock; SQLite: <c>BEGIN IMMEDIATE</c>, which takes the
/// write lock), so concurrent writers — other requests, other processes — can never fork the chain.
/// </summary>
internal sealed class AuditSealer : SaveChangesInterceptor
{
    // Any fixed number: the advisory lock that serialises appends to the audit chain.
    private const string LockChain = "SELECT pg_advisory_xact_lock(726100101)";

    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _ownedTransactions = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added)
            ? throw new InvalidOperationException("Save audit entries with SaveChangesAsync: the chain is sealed with asynchronous database calls.")
            : result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var context = eventData.Context!;
        var pending = context.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .OrderBy(e => e.RecordedOrder)
            .ToList();
        if (pending.Count == 0)
        {
            return result;
        }

        if (context.Database.CurrentTransaction is null)
        {
            _ownedTransactions.AddOrUpdate(context, await context.Database.BeginTransactionAsync(cancellationToken));
        }

        if (context.Database.IsNpgsql())
        {
            await context.Database.ExecuteSqlRawAsync(LockChain, cancellationToken);
        }

        var last = await context.Set<AuditEntry>().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? StoredForm.ChainStart;
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.At = StoredForm.ToStoredPrecision(entry.At);
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.ComputeHash(entry);
            previous = entry.Hash;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _ownedTransactions.TryGetValue(context, out var transaction))
        {
            _ownedTransactions.Remove(context);
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is not null && _ownedTransactions.TryGetValue(context, out var transaction))
        {
            _ownedTransactions.Remove(context);
            await transaction.DisposeAsync();
        }
    }
}
