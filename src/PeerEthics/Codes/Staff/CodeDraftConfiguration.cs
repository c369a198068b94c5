using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerEthics.Codes.Staff;

internal sealed class CodeDraftConfiguration : IEntityTypeConfiguration<CodeDraft>
{
    public void Configure(EntityTypeBuilder<CodeDraft> builder)
    {
        builder.HasIndex(d => d.CreatedAt);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.CreatedBy).HasMaxLength(100);
        builder.Property(d => d.CreatedByName).HasMaxLength(320);
        builder.HasOne(d => d.Program).WithMany().HasForeignKey(d => d.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}
