using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerEthics.Rules;

namespace PeerEthics.Disclosures;

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> builder)
    {
        builder.HasIndex(d => new { d.PersonId, d.FiledAt });
        builder.HasIndex(d => new { d.SupervisorId, d.Status });
        builder.HasIndex(d => d.Status);
        builder.Property(d => d.FiledBy).HasMaxLength(450);
        builder.Property(d => d.Kind).HasMaxLength(40);
        builder.Property(d => d.Direction).HasMaxLength(20);
        builder.Property(d => d.Value).HasPrecision(12, 2);
        builder.Property(d => d.Counterpart).HasMaxLength(40);
        builder.Property(d => d.Relationship).HasMaxLength(40);
        builder.Property(d => d.Description).HasMaxLength(SituationReader.MaxDescriptionLength);
        builder.Property(d => d.Outcome).HasConversion(o => Outcomes.Name(o), o => Outcomes.Parse(o)!.Value).HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion(s => DisclosureNames.Of(s), s => DisclosureNames.Status(s)).HasMaxLength(30);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Supervisor).WithMany().HasForeignKey(d => d.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Evaluations).WithOne().HasForeignKey(e => e.DisclosureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Decisions).WithOne().HasForeignKey(e => e.DisclosureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisclosureEvaluationConfiguration : IEntityTypeConfiguration<DisclosureEvaluation>
{
    public void Configure(EntityTypeBuilder<DisclosureEvaluation> builder)
    {
        builder.HasIndex(e => new { e.DisclosureId, e.Program }).IsUnique();
        builder.Property(e => e.Program).HasMaxLength(64);
        builder.Property(e => e.Code).HasMaxLength(64);
        builder.Property(e => e.CodeContentHash).HasMaxLength(64);
        builder.Property(e => e.RuleSetHash).HasMaxLength(64);
        builder.Property(e => e.Outcome).HasConversion(o => Outcomes.Name(o), o => Outcomes.Parse(o)!.Value).HasMaxLength(20);
    }
}

internal sealed class DisclosureDecisionConfiguration : IEntityTypeConfiguration<DisclosureDecision>
{
    public void Configure(EntityTypeBuilder<DisclosureDecision> builder)
    {
        builder.HasIndex(d => new { d.DisclosureId, d.DecidedAt });
        builder.Property(d => d.Decision).HasConversion(k => DisclosureNames.Of(k), k => DisclosureNames.Decision(k)!.Value).HasMaxLength(30);
        builder.Property(d => d.Note).HasMaxLength(DisclosureDecisions.MaxNoteLength);
        builder.Property(d => d.DecidedBy).HasMaxLength(450);
        builder.Property(d => d.DecidedByName).HasMaxLength(320);
        builder.Property(d => d.DecidedAs).HasMaxLength(20);
    }
}
