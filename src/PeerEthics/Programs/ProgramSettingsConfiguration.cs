using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerEthics.Programs;

internal sealed class ProgramSettingsConfiguration : IEntityTypeConfiguration<ProgramSettings>
{
    public void Configure(EntityTypeBuilder<ProgramSettings> builder)
    {
        builder.HasIndex(s => new { s.ProgramId, s.EffectiveFrom });
        builder.Property(s => s.CeHoursPerCycle).HasPrecision(7, 2);
        builder.Property(s => s.EthicsHoursPerCycle).HasPrecision(7, 2);
        builder.Property(s => s.NumberFormat).HasMaxLength(CredentialNumberFormat.MaxLength);
        builder.Property(s => s.Note).HasMaxLength(ProgramSettingsInput.MaxNoteLength);
        builder.Property(s => s.RecordedBy).HasMaxLength(100);
        builder.Property(s => s.RecordedByName).HasMaxLength(320);
        builder.HasOne(s => s.Program).WithMany(p => p.Settings).HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}
