using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerEthics.Codes;

namespace PeerEthics.Rules;

/// <summary>
/// One saved version of a code's rule file. Immutable once saved (the DbContext refuses changes): an
/// evaluation's trace names the rule set it ran by version and hash, so the text must stay as it was.
/// Editing saves a new version.
/// </summary>
public sealed class RuleSet
{
    public int Id { get; set; }

    public int CodeId { get; set; }

    public Code Code { get; set; } = null!;

    /// <summary>1, 2, 3… within the code, in order of saving.</summary>
    public int Number { get; set; }

    /// <summary>The rule file as saved (line endings made \n).</summary>
    public required string Yaml { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Yaml"/> (UTF-8).</summary>
    public required string ContentHash { get; set; }

    /// <summary>The numbers of the code versions the rules read, comma-separated ("1,2").</summary>
    public required string CodeVersions { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    /// <summary>Who saved it: a user's name, or the process that loaded a shipped file.</summary>
    public string? SavedBy { get; set; }

    /// <summary>The numbers in a stored <see cref="CodeVersions"/> list.</summary>
    public static IReadOnlyList<int> VersionNumbers(string codeVersions) =>
        [.. codeVersions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
}

internal sealed class RuleSetConfiguration : IEntityTypeConfiguration<RuleSet>
{
    public void Configure(EntityTypeBuilder<RuleSet> builder)
    {
        builder.HasIndex(r => new { r.CodeId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.CodeId, r.ContentHash });
        builder.Property(r => r.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.CodeVersions).HasMaxLength(200);
        builder.Property(r => r.SavedBy).HasMaxLength(320);
        builder.HasOne(r => r.Code).WithMany().HasForeignKey(r => r.CodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
