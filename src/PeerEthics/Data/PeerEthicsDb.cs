using Microsoft.EntityFrameworkCore;
using PeerEthics.Codes;
using PeerEthics.Programs;

namespace PeerEthics.Data;

/// <summary>
/// The application's unit of work. Provider-specific subclasses exist only so each provider keeps its own
/// migrations; everything else uses this type.
/// </summary>
public abstract class PeerEthicsDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<CredentialProgram> Programs => Set<CredentialProgram>();

    public DbSet<Code> Codes => Set<Code>();

    public DbSet<CodeVersion> CodeVersions => Set<CodeVersion>();

    public DbSet<Principle> Principles => Set<Principle>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PeerEthicsDb).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseChangesToPublishedVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChangesToPublishedVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // A published version is what people signed and rules cite; changing it in place would silently
    // change what they agreed to. A correction is a new version.
    private void RefuseChangesToPublishedVersions()
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.Entity is CodeVersion or Principle)
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (changed is not null)
        {
            throw new InvalidOperationException(
                $"A published code version is immutable; refused to {changed.State.ToString().ToLowerInvariant()} a {changed.Entity.GetType().Name}.");
        }
    }
}

public sealed class SqlitePeerEthicsDb(DbContextOptions<SqlitePeerEthicsDb> options) : PeerEthicsDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type; stored as sortable binary ticks so ORDER BY and range
        // filters translate. Values are always UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresPeerEthicsDb(DbContextOptions<PostgresPeerEthicsDb> options) : PeerEthicsDb(options);
