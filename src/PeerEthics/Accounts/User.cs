using Microsoft.AspNetCore.Identity;

namespace PeerEthics.Accounts;

/// <summary>An account: a person who signs in. The email is the user name.</summary>
public sealed class User : IdentityUser
{
    /// <summary>How the person wants to be addressed on pages and in email.</summary>
    public required string DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
