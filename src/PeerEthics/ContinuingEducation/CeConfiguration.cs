using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerEthics.ContinuingEducation;

internal sealed class CeActivityConfiguration : IEntityTypeConfiguration<CeActivity>
{
    public void Configure(EntityTypeBuilder<CeActivity> builder)
    {
        builder.ToTable("CeActivities");
        builder.HasIndex(a => new { a.CredentialId, a.CompletedOn });
        builder.HasIndex(a => a.Decision);
        builder.Property(a => a.Title).HasMaxLength(CeInput.MaxTextLength);
        builder.Property(a => a.Provider).HasMaxLength(CeInput.MaxTextLength);
        builder.Property(a => a.Hours).HasPrecision(6, 2);
        builder.Property(a => a.EthicsHours).HasPrecision(6, 2);
        builder.Property(a => a.EvidenceFileName).HasMaxLength(255);
        builder.Property(a => a.EvidenceContentType).HasMaxLength(100);
        builder.Property(a => a.EvidenceStoredName).HasMaxLength(100);
        builder.Property(a => a.Decision).HasConversion(d => d.ToString().ToLowerInvariant(), d => Enum.Parse<CeDecision>(d, true)).HasMaxLength(20);
        builder.Property(a => a.DecisionReason).HasMaxLength(1000);
        builder.Property(a => a.DecidedBy).HasMaxLength(100);
        builder.Property(a => a.DecidedByName).HasMaxLength(320);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Credential).WithMany().HasForeignKey(a => a.CredentialId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RenewalApplicationConfiguration : IEntityTypeConfiguration<RenewalApplication>
{
    public void Configure(EntityTypeBuilder<RenewalApplication> builder)
    {
        builder.HasIndex(r => new { r.CredentialId, r.CycleExpiresOn });
        builder.HasIndex(r => r.State);
        builder.Property(r => r.State).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<RenewalState>(s, true)).HasMaxLength(20);
        builder.Property(r => r.DecidedBy).HasMaxLength(100);
        builder.Property(r => r.DecidedByName).HasMaxLength(320);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.HasOne(r => r.Credential).WithMany().HasForeignKey(r => r.CredentialId).OnDelete(DeleteBehavior.Restrict);
    }
}
