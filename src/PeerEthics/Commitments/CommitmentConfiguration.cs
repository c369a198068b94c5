using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerEthics.People;

namespace PeerEthics.Commitments;

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.ToTable("Commitments");
        builder.Property(c => c.CommitmentId).HasMaxLength(36);
        builder.HasIndex(c => c.CommitmentId).IsUnique();
        // "Has this person signed the version in force?" and "who in this cohort has not?" read this index.
        builder.HasIndex(c => new { c.PersonId, c.ProgramId, c.CodeVersionId }).IsUnique();
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Program).WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.CodeVersion).WithMany().HasForeignKey(c => c.CodeVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Credential>().WithMany().HasForeignKey(c => c.CredentialId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.SetNull);
    }
}
