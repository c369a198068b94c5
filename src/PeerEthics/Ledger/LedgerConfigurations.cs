using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerEthics.Ledger.Pledges;

namespace PeerEthics.Ledger;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasIndex(e => e.Sequence).IsUnique();
        // A retried append finds its entry by this key; the unique index makes a second entry impossible even
        // if two appends with the same key ever raced past the lock.
        builder.HasIndex(e => e.IdempotencyKey).IsUnique();
        builder.HasIndex(e => e.CommitmentId).IsUnique();
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.CommitmentId).HasMaxLength(36);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(200);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class LedgerCheckpointConfiguration : IEntityTypeConfiguration<LedgerCheckpoint>
{
    public void Configure(EntityTypeBuilder<LedgerCheckpoint> builder)
    {
        builder.ToTable("LedgerCheckpoints");
        builder.HasIndex(c => c.Size).IsUnique();
        builder.Property(c => c.HeadHash).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.MerkleRoot).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.KeyId).HasMaxLength(16);
        builder.Property(c => c.Signature).HasMaxLength(100);
        builder.Property(c => c.Frontier).HasMaxLength(4100);
    }
}

internal sealed class ProgramPledgeTemplateConfiguration : IEntityTypeConfiguration<ProgramPledgeTemplate>
{
    public void Configure(EntityTypeBuilder<ProgramPledgeTemplate> builder)
    {
        builder.ToTable("ProgramPledgeTemplates");
        builder.HasIndex(t => new { t.ProgramId, t.Version }).IsUnique();
        builder.Property(t => t.Text).HasMaxLength(4000);
        builder.Property(t => t.UpdatedBy).HasMaxLength(320);
        builder.HasOne(t => t.Program).WithMany().HasForeignKey(t => t.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}
