using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerEthics.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.HasIndex(c => c.CodeVersionId).IsUnique();
        builder.HasIndex(c => new { c.ProgramId, c.StartedAt });
        builder.Property(c => c.EndedReason).HasMaxLength(300);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Program).WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.CodeVersion).WithMany().HasForeignKey(c => c.CodeVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.DeadlineChanges).WithOne().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignMemberConfiguration : IEntityTypeConfiguration<CampaignMember>
{
    public void Configure(EntityTypeBuilder<CampaignMember> builder)
    {
        builder.ToTable("CampaignMembers");
        builder.HasIndex(m => new { m.CampaignId, m.PersonId }).IsUnique();
        // A person's flags ("overdue?") start from their memberships.
        builder.HasIndex(m => m.PersonId);
        builder.Property(m => m.StatusAtStart).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<People.CredentialStatus>(s, true)).HasMaxLength(20);
        builder.HasOne(m => m.Campaign).WithMany(c => c.Members).HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Credential).WithMany().HasForeignKey(m => m.CredentialId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CampaignDeadlineChangeConfiguration : IEntityTypeConfiguration<CampaignDeadlineChange>
{
    public void Configure(EntityTypeBuilder<CampaignDeadlineChange> builder)
    {
        builder.ToTable("CampaignDeadlineChanges");
        builder.Property(d => d.Reason).HasMaxLength(CampaignDeadlines.MaxReasonLength);
        builder.Property(d => d.ChangedBy).HasMaxLength(450);
        builder.Property(d => d.ChangedByName).HasMaxLength(256);
    }
}

internal sealed class CampaignReminderConfiguration : IEntityTypeConfiguration<CampaignReminder>
{
    public void Configure(EntityTypeBuilder<CampaignReminder> builder)
    {
        builder.ToTable("CampaignReminders");
        // Once per person and kind: a repeated or parallel run cannot send a reminder twice.
        builder.HasIndex(r => new { r.CampaignId, r.PersonId, r.Kind }).IsUnique();
        builder.Property(r => r.Kind).HasConversion(k => k.ToString().ToLowerInvariant(), k => Enum.Parse<ReminderKind>(k, true)).HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<ReminderStatus>(s, true)).HasMaxLength(10);
        builder.Property(r => r.LastError).HasMaxLength(1000);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
