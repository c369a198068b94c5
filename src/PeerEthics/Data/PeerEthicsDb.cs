using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Codes;
using PeerEthics.Ledger;
using PeerEthics.Ledger.Pledges;
using PeerEthics.ContinuingEducation;
using PeerEthics.Disclosures;
using PeerEthics.People;
using PeerEthics.Programs;
using PeerEthics.Rules;

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

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<LedgerCheckpoint> LedgerCheckpoints => Set<LedgerCheckpoint>();

    public DbSet<ProgramPledgeTemplate> ProgramPledgeTemplates => Set<ProgramPledgeTemplate>();

    public DbSet<RuleSet> RuleSets => Set<RuleSet>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<ProgramSettings> ProgramSettings => Set<ProgramSettings>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Supervisor> Supervisors => Set<Supervisor>();

    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<CredentialStatusChange> CredentialStatusHistory => Set<CredentialStatusChange>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();

    public DbSet<CohortEnrolment> CohortEnrolments => Set<CohortEnrolment>();

    public DbSet<CeActivity> CeActivities => Set<CeActivity>();

    public DbSet<RenewalApplication> RenewalApplications => Set<RenewalApplication>();

    public DbSet<Disclosure> Disclosures => Set<Disclosure>();

    public DbSet<DisclosureEvaluation> DisclosureEvaluations => Set<DisclosureEvaluation>();

    public DbSet<DisclosureDecision> DisclosureDecisions => Set<DisclosureDecision>();

    public DbSet<Commitments.Commitment> Commitments => Set<Commitments.Commitment>();

    public DbSet<PeerEthics.Campaigns.Campaign> Campaigns => Set<PeerEthics.Campaigns.Campaign>();

    public DbSet<PeerEthics.Campaigns.CampaignMember> CampaignMembers => Set<PeerEthics.Campaigns.CampaignMember>();

    public DbSet<PeerEthics.Campaigns.CampaignDeadlineChange> CampaignDeadlineChanges => Set<PeerEthics.Campaigns.CampaignDeadlineChange>();

    public DbSet<PeerEthics.Campaigns.CampaignReminder> CampaignReminders => Set<PeerEthics.Campaigns.CampaignReminder>();

    public DbSet<Registry.RegistryNameKey> RegistryNameKeys => Set<Registry.RegistryNameKey>();

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
    // change what they agreed to (a correction is a new version). The audit trail and the commitment
    // ledger (its entries and signed checkpoints) are append-only, and so are the history of program settings
    // (a new value is a new effective-dated version) and of credential statuses. A saved rule set is what evaluations'
    // traces name; editing saves a new one. A disclosure's evaluations are what it was told when it was filed, and its
    // decisions what it was told after. A campaign's deadline changes are its history.
    private void RefuseChangesToPublishedVersions()
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.Entity is CodeVersion or Principle or AuditEntry or LedgerEntry or LedgerCheckpoint or RuleSet
                or PeerEthics.Programs.ProgramSettings or CredentialStatusChange or ProgramPledgeTemplate
                or DisclosureEvaluation or DisclosureDecision or PeerEthics.Campaigns.CampaignDeadlineChange)
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (changed is not null)
        {
            throw new InvalidOperationException(
                $"Published code versions, rule sets, program settings, credential status history, the audit trail and the commitment ledger are immutable; refused to {changed.State.ToString().ToLowerInvariant()} a {changed.Entity.GetType().Name}.");
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

public sealed class PostgresPeerEthicsDb(DbContextOptions<PostgresPeerEthicsDb> options) : PeerEthicsDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Registry prefix search is a range on this column: ordinal ("C") order, as SQLite's BINARY, so the range
        // is exact and the B-tree index serves it whatever the database's default collation.
        builder.Entity<Registry.RegistryNameKey>().Property(k => k.Key).UseCollation("C");
    }
}

/// <summary>A <see cref="DateTimeOffset"/> as its UTC ticks, read back as UTC.</summary>
internal sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
