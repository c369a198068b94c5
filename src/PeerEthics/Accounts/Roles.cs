namespace PeerEthics.Accounts;

/// <summary>The roles of the design brief. Anonymous members of the public have no role.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string Registrar = "registrar";
    public const string EthicsReviewer = "ethics-reviewer";
    public const string Supervisor = "supervisor";
    public const string PeerSpecialist = "peer-specialist";
    public const string Trainee = "trainee";

    public static readonly IReadOnlyList<string> All = [Administrator, Registrar, EthicsReviewer, Supervisor, PeerSpecialist, Trainee];

    /// <summary>Program staff: they must sign in with a second factor.</summary>
    public static readonly IReadOnlyList<string> Staff = [Administrator, Registrar, EthicsReviewer];

    public static bool IsStaff(string role) => Staff.Contains(role);

    /// <summary>How the role reads to a person.</summary>
    public static string Describe(string role) => role switch
    {
        Administrator => "Administrator",
        Registrar => "Registrar",
        EthicsReviewer => "Ethics reviewer",
        Supervisor => "Supervisor",
        PeerSpecialist => "Peer specialist",
        Trainee => "Trainee",
        _ => role,
    };
}
