using System.Security.Claims;
using PeerEthics.Accounts;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Web.Security;

/// <summary>Who the authorization matrix tries each endpoint as: anonymous, signed in with no role, each role with and without a second factor.</summary>
public sealed record MatrixPrincipal(string Name, bool SignedIn, string? Role, bool Mfa)
{
    public static readonly MatrixPrincipal Anonymous = new("anonymous", false, null, false);

    public static readonly IReadOnlyList<MatrixPrincipal> All =
    [
        Anonymous,
        new("signed in, no role", true, null, false),
        .. Roles.All.SelectMany(role => new[]
        {
            new MatrixPrincipal($"{role} with MFA", true, role, true),
            new MatrixPrincipal($"{role} without MFA", true, role, false),
        }),
    ];

    public string UserId => $"matrix-{Role ?? "no-role"}-{(Mfa ? "mfa" : "password")}";

    /// <summary>The user the app will see, or null when anonymous.</summary>
    public ClaimsPrincipal? User => SignedIn ? TestSignIn.Principal(UserId, Role is null ? [] : [Role], Mfa) : null;

    /// <summary>Marks <paramref name="request"/> as this principal's (TestSignIn headers); anonymous requests carry nothing.</summary>
    public void SignIn(HttpRequestMessage request)
    {
        if (SignedIn)
        {
            TestSignIn.SignIn(request.Headers, UserId, Role is null ? [] : [Role], Mfa);
        }
    }

    public override string ToString() => Name;
}
