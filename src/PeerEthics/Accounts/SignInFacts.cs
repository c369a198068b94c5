using System.Security.Claims;

namespace PeerEthics.Accounts;

/// <summary>What a sign-in says about the person, read from its claims.</summary>
public static class SignInFacts
{
    /// <summary>Whether this sign-in used a second factor (an authenticator code, a recovery code or a passkey).</summary>
    public static bool UsedSecondFactor(this ClaimsPrincipal principal) =>
        principal.HasClaim(Policies.MfaClaimType, Policies.MfaClaimValue);

    public static bool HasStaffRole(this ClaimsPrincipal principal) => Roles.Staff.Any(principal.IsInRole);
}
