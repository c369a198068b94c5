using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerEthics.Registry;

internal sealed class RegistryNameKeyConfiguration : IEntityTypeConfiguration<RegistryNameKey>
{
    public void Configure(EntityTypeBuilder<RegistryNameKey> builder)
    {
        // The primary key is the search index: a prefix is a range of keys, read in order. PostgreSQL compares
        // this column in the "C" collation (PostgresPeerEthicsDb), so the order is ordinal there as in SQLite.
        builder.HasKey(k => new { k.Key, k.PersonId });
        builder.HasIndex(k => new { k.PersonId, k.Key });
        builder.HasOne(k => k.Person).WithMany().HasForeignKey(k => k.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
