using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Codes;
using PeerEthics.Programs;

namespace PeerEthics.Data;

/// <summary>
/// The application's unit of work. Provider-specific subclasses exist only so each provider keeps its own
/// migrations; everything else uses this type.
/// </summary>
public abstract class PeerEthicsDb(DbContextOptions options) : IdentityDbContext<User, IdentityRole, string>(options)
{
    public DbSet<CredentialProgram> Programs => Set<CredentialProgram>();

    public DbSet<Code> Codes => Set<Code>();

    public DbSet<CodeVersion> CodeVersions => Set<CodeVersion>();

    public DbSet<Principle> Principles => Set<Principle>();

    public DbSet<Codes.Staff.CodeDraft> CodeDrafts => Set<Codes.Staff.CodeDraft>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PeerEthicsDb).Assembly);
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
    // change what they agreed to (a correction is a new version). The audit trail is append-only.
    private void RefuseChangesToPublishedVersions()
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.Entity is CodeVersion or Principle or AuditEntry)
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (changed is not null)
        {
            throw new InvalidOperationException(
                $"Published code versions and the audit trail are immutable; refused to {changed.State.ToString().ToLowerInvariant()} a {changed.Entity.GetType().Name}.");
        }
    }
}

public sealed class SqlitePeerEthicsDb(DbContextOptions<SqlitePeerEthicsDb> options) : PeerEthicsDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type. Stored as UTC ticks: exact (hashes over timestamps must
        // survive the round trip; EF's binary converter keeps only 100 µs) and sortable, so ORDER BY and
        // range filters translate. Values are always UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class PostgresPeerEthicsDb(DbContextOptions<PostgresPeerEthicsDb> options) : PeerEthicsDb(options);

/// <summary>A <see cref="DateTimeOffset"/> as its UTC ticks, read back as UTC.</summary>
internal sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
