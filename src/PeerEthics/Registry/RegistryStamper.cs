using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PeerEthics.People;

namespace PeerEthics.Registry;

/// <summary>
/// Keeps what the registry searches and shows true on every save, whoever saves: a person's name keys
/// (<see cref="Person.SearchName"/> and <see cref="RegistryNameKey"/> rows) when their name is new or changes, and a
/// credential's <see cref="Credential.RegistryChangedAt"/> when its status, expiry or number changes or its holder's
/// name does. Bulk loaders that bypass the change tracker (<c>demo seed</c>) write the same values themselves.
/// </summary>
internal sealed class RegistryStamper(TimeProvider clock, RegistryFreshness freshness) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        StampAsync(eventData.Context!, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await StampAsync(eventData.Context!, sync: false, cancellationToken);
        return result;
    }

    // After any save, the registry's "last updated" is read again (cheap: one indexed row), whether or not it moved.
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        freshness.Forget();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        freshness.Forget();
        return ValueTask.FromResult(result);
    }

    private async Task StampAsync(DbContext context, bool sync, CancellationToken cancellationToken)
    {
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var renamed = new List<EntityEntry<Person>>();
        foreach (var entry in context.ChangeTracker.Entries<Person>().ToList())
        {
            if (entry.State == EntityState.Added)
            {
                var person = entry.Entity;
                person.SearchName = NameSearch.KeyFor(person.LegalName, person.PreferredName);
                foreach (var key in RegistryKeys.For(person.LegalName, person.PreferredName))
                {
                    context.Add(new RegistryNameKey { PersonId = person.Id, Person = person, Key = key });
                }
            }
            else if (entry.State == EntityState.Modified && (Changed(entry.Property(p => p.LegalName)) || Changed(entry.Property(p => p.PreferredName))))
            {
                renamed.Add(entry);
            }
        }

        foreach (var entry in renamed)
        {
            var person = entry.Entity;
            entry.Property(p => p.SearchName).CurrentValue = NameSearch.KeyFor(person.LegalName, person.PreferredName);
            var wanted = RegistryKeys.For(person.LegalName, person.PreferredName);
            var keys = context.Set<RegistryNameKey>().Where(k => k.PersonId == person.Id);
            var existing = sync ? keys.ToList() : await keys.ToListAsync(cancellationToken);
            context.RemoveRange(existing.Where(k => !wanted.Contains(k.Key)));
            foreach (var key in wanted.Where(w => existing.All(k => k.Key != w)))
            {
                context.Add(new RegistryNameKey { PersonId = person.Id, Key = key });
            }

            var credentials = context.Set<Credential>().Where(c => c.PersonId == person.Id);
            foreach (var credential in sync ? credentials.ToList() : await credentials.ToListAsync(cancellationToken))
            {
                context.Entry(credential).Property(c => c.RegistryChangedAt).CurrentValue = now;
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<Credential>())
        {
            if (entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && (Changed(entry.Property(c => c.Status)) || Changed(entry.Property(c => c.ExpiresOn)) || Changed(entry.Property(c => c.Number)))))
            {
                entry.Property(c => c.RegistryChangedAt).CurrentValue = now;
            }
        }
    }

    private static bool Changed<TEntity, T>(PropertyEntry<TEntity, T> property) where TEntity : class =>
        property.IsModified && !Equals(property.OriginalValue, property.CurrentValue);
}
