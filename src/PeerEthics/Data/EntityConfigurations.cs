using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerEthics.Audit;
using PeerEthics.Codes;
using PeerEthics.Programs;

namespace PeerEthics.Data;

internal sealed class CredentialProgramConfiguration : IEntityTypeConfiguration<CredentialProgram>
{
    public void Configure(EntityTypeBuilder<CredentialProgram> builder)
    {
        builder.ToTable("Programs");
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasOne(p => p.Code).WithMany(c => c.Programs).HasForeignKey(p => p.CodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CodeConfiguration : IEntityTypeConfiguration<Code>
{
    public void Configure(EntityTypeBuilder<Code> builder)
    {
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Slug).HasMaxLength(64);
        builder.Property(c => c.Title).HasMaxLength(500);
    }
}

internal sealed class CodeVersionConfiguration : IEntityTypeConfiguration<CodeVersion>
{
    public void Configure(EntityTypeBuilder<CodeVersion> builder)
    {
        builder.HasIndex(v => new { v.CodeId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.CodeId, v.ContentHash });
        builder.Property(v => v.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.Title).HasMaxLength(500);
        builder.Property(v => v.Issuer).HasMaxLength(500);
        builder.HasOne(v => v.Code).WithMany(c => c.Versions).HasForeignKey(v => v.CodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PrincipleConfiguration : IEntityTypeConfiguration<Principle>
{
    public void Configure(EntityTypeBuilder<Principle> builder)
    {
        builder.HasIndex(p => new { p.CodeVersionId, p.Ordinal }).IsUnique();
        builder.Property(p => p.Label).HasMaxLength(100);
        builder.HasOne(p => p.CodeVersion).WithMany(v => v.Principles).HasForeignKey(p => p.CodeVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditTrail");
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Action, e.At });
        builder.HasIndex(e => new { e.Actor, e.At });
        builder.Property(e => e.Actor).HasMaxLength(100);
        builder.Property(e => e.ActorName).HasMaxLength(320);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Target).HasMaxLength(300);
        builder.Property(e => e.Outcome).HasMaxLength(20);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.Ignore(e => e.RecordedOrder);
    }
}
