using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerEthics.Accounts;

/// <summary>
/// An invitation to create an account with a role: there is no open self-registration. The link carries a
/// random token; only its SHA-256 is stored, so the table alone cannot be used to accept anything. Single use,
/// with an expiry; revocable until used.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }

    /// <summary>Who is invited. Null only for the first administrator's invitation, printed at start-up: that person gives their email when accepting.</summary>
    public string? Email { get; set; }

    /// <summary>The name the inviter gave; the person may change it when accepting.</summary>
    public string? DisplayName { get; set; }

    public required string Role { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Account id of the inviter, or <c>cli</c>/<c>system</c>.</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public string? AcceptedUserId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.Email);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.DisplayName).HasMaxLength(100);
        builder.Property(i => i.Role).HasMaxLength(32);
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.Property(i => i.CreatedBy).HasMaxLength(100);
        builder.Property(i => i.AcceptedUserId).HasMaxLength(450);
        builder.Property(i => i.RevokedBy).HasMaxLength(100);
    }
}
