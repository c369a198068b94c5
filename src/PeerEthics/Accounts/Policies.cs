using Microsoft.AspNetCore.Authorization;

namespace PeerEthics.Accounts;

/// <summary>
/// The authorization policies, by name. Everything not on the public allow-list needs at least
/// <see cref="SignedIn"/> (the fallback policy); staff policies also need a second factor in the sign-in.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in person.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Registrars and administrators: publish code versions, manage people and programs.</summary>
    public const string ManageCodes = "manage-codes";

    /// <summary>Administrators: accounts, roles, settings, the audit trail.</summary>
    public const string Administer = "administer";

    /// <summary>Administrators and registrars: invite people.</summary>
    public const string Invite = "invite";

    /// <summary>Registrars and administrators: program settings (renewal cycle, CE hours, grace, number format).</summary>
    public const string ManagePrograms = "manage-programs";

    /// <summary>Registrars and administrators: people, organisations, credentials, cohorts, CE decisions, renewals.</summary>
    public const string ManagePeople = "manage-people";

    /// <summary>
    /// Specialists and trainees on their own record (<c>/my</c>): signed in, with a person record linked to the
    /// account. Which record is always the caller's own; no self-service route takes another person's id.
    /// </summary>
    public const string SelfService = "self-service";

    /// <summary>
    /// Supervisors: the disclosures of the people they supervise. Which ones is decided per disclosure, by the
    /// supervisor record linked to the account (another supervisor's disclosure is not found).
    /// </summary>
    public const string Supervise = "supervise";

    /// <summary>The program's ethics staff (ethics reviewers, with a second factor): every disclosure, and decisions on referred ones.</summary>
    public const string EthicsStaff = "ethics-staff";

    /// <summary>The claim Identity adds to a sign-in that used a second factor (amr = mfa).</summary>
    public const string MfaClaimType = "amr";
    public const string MfaClaimValue = "mfa";

    public static void Configure(AuthorizationOptions options)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.FallbackPolicy = signedIn;
        options.AddPolicy(SignedIn, signedIn);
        options.AddPolicy(ManageCodes, Staff(Roles.Registrar, Roles.Administrator));
        options.AddPolicy(Administer, Staff(Roles.Administrator));
        options.AddPolicy(Invite, Staff(Roles.Administrator, Roles.Registrar));
        options.AddPolicy(ManagePrograms, Staff(Roles.Registrar, Roles.Administrator));
        options.AddPolicy(ManagePeople, Staff(Roles.Registrar, Roles.Administrator));
        options.AddPolicy(SelfService, new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new People.LinkedPersonRequirement())
            .Build());
        options.AddPolicy(Supervise, new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.Supervisor).Build());
        options.AddPolicy(EthicsStaff, Staff(Roles.EthicsReviewer));
    }

    private static AuthorizationPolicy Staff(params string[] roles) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireRole(roles)
        .RequireClaim(MfaClaimType, MfaClaimValue)
        .Build();
}
