using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PeerEthics.Accounts;

/// <summary>Adds the person's chosen name to the sign-in, so the header can greet them by it without a database read.</summary>
public sealed class UserClaimsFactory(UserManager<User> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}

public static class UserClaimsExtensions
{
    public static string? DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(UserClaimsFactory.DisplayNameClaim) ?? principal.Identity?.Name;

    /// <summary>Whether this sign-in used a second factor (an authenticator code, a recovery code or a passkey).</summary>
    public static bool UsedSecondFactor(this ClaimsPrincipal principal) =>
        principal.HasClaim(Policies.MfaClaimType, Policies.MfaClaimValue);

    public static bool HasStaffRole(this ClaimsPrincipal principal) => Roles.Staff.Any(principal.IsInRole);
}
