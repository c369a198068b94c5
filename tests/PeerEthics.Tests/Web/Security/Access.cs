using PeerEthics.Accounts;

namespace PeerEthics.Tests.Web.Security;

/// <summary>
/// Who an endpoint should let through, written independently of the app's policies so the matrix checks them
/// rather than repeating them.
/// </summary>
public sealed class Access
{
    private readonly Func<MatrixPrincipal, bool> _allows;

    private Access(string description, Func<MatrixPrincipal, bool> allows)
    {
        Description = description;
        _allows = allows;
    }

    public string Description { get; }

    /// <summary>Anyone, signed in or not (the endpoints of <c>PublicEndpoints</c>).</summary>
    public static Access Public { get; } = new("anyone", _ => true);

    /// <summary>Any signed-in person, whatever their role (policy <see cref="Policies.SignedIn"/>).</summary>
    public static Access SignedIn { get; } = new("any signed-in person", p => p.SignedIn);

    /// <summary>People in one of <paramref name="roles"/> who signed in with a second factor (the staff policies).</summary>
    public static Access StaffWithMfa(params string[] roles) =>
        new($"{string.Join(" or ", roles)}, with a second factor", p => p.Role is { } role && roles.Contains(role) && p.Mfa);

    /// <summary>People in one of <paramref name="roles"/>, second factor or not.</summary>
    public static Access InRole(params string[] roles) =>
        new(string.Join(" or ", roles), p => p.Role is { } role && roles.Contains(role));

    /// <summary>
    /// A signed-in person whose account is linked to their own person record (policy
    /// <see cref="Policies.SelfService"/>). The matrix's principals have no record, so all of them are refused;
    /// the people tests prove the owner gets in and another person gets a 404.
    /// </summary>
    public static Access OwnRecordOnly { get; } = new("only a person with their own linked record (no matrix principal has one)", _ => false);

    public bool Allows(MatrixPrincipal principal) => _allows(principal);

    public override string ToString() => Description;
}
