using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerEthics.Accounts;

namespace PeerEthics.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.LegalName).HasMaxLength(PersonInput.MaxNameLength);
        builder.Property(p => p.PreferredName).HasMaxLength(PersonInput.MaxNameLength);
        builder.Property(p => p.SearchName).HasMaxLength(PersonInput.MaxNameLength * 2 + 1);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.PostalAddress).HasMaxLength(500);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasIndex(p => p.SearchName);
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Supervisor).WithMany().HasForeignKey(p => p.SupervisorId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(p => p.DisplayName);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(PersonInput.MaxNameLength);
        builder.HasIndex(o => o.Name).IsUnique();
        builder.Property(o => o.Email).HasMaxLength(320);
        builder.Property(o => o.Phone).HasMaxLength(40);
    }
}

internal sealed class SupervisorConfiguration : IEntityTypeConfiguration<Supervisor>
{
    public void Configure(EntityTypeBuilder<Supervisor> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(PersonInput.MaxNameLength);
        builder.Property(s => s.Email).HasMaxLength(320);
        builder.Property(s => s.Phone).HasMaxLength(40);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> builder)
    {
        builder.HasIndex(c => new { c.PersonId, c.ProgramId }).IsUnique();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.Status, c.ExpiresOn });
        builder.HasIndex(c => c.RegistryChangedAt);
        builder.Property(c => c.Number).HasMaxLength(Programs.CredentialNumberFormat.MaxLength);
        builder.Property(c => c.Status).HasConversion(s => s.Name(), s => Enum.Parse<CredentialStatus>(s, true)).HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Person).WithMany(p => p.Credentials).HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Program).WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CredentialStatusChangeConfiguration : IEntityTypeConfiguration<CredentialStatusChange>
{
    public void Configure(EntityTypeBuilder<CredentialStatusChange> builder)
    {
        builder.ToTable("CredentialStatusHistory");
        builder.HasIndex(c => new { c.CredentialId, c.At });
        builder.Property(c => c.From).HasConversion(s => s == null ? null : s.Value.Name(), s => s == null ? null : Enum.Parse<CredentialStatus>(s, true)).HasMaxLength(20);
        builder.Property(c => c.To).HasConversion(s => s.Name(), s => Enum.Parse<CredentialStatus>(s, true)).HasMaxLength(20);
        builder.Property(c => c.ChangedBy).HasMaxLength(100);
        builder.Property(c => c.ChangedByName).HasMaxLength(320);
        builder.Property(c => c.Reason).HasMaxLength(StatusChangeInput.MaxReasonLength);
        builder.HasOne(c => c.Credential).WithMany(c => c.History).HasForeignKey(c => c.CredentialId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Trainer).HasMaxLength(200);
        builder.HasOne(c => c.Program).WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CohortEnrolmentConfiguration : IEntityTypeConfiguration<CohortEnrolment>
{
    public void Configure(EntityTypeBuilder<CohortEnrolment> builder)
    {
        builder.HasIndex(e => new { e.CohortId, e.PersonId }).IsUnique();
        builder.Property(e => e.WithdrawalReason).HasMaxLength(CohortEnrolment.MaxWithdrawalReasonLength);
        builder.HasOne(e => e.Cohort).WithMany(c => c.Enrolments).HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Person).WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
