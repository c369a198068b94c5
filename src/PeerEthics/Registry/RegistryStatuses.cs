using System.Linq.Expressions;
using PeerEthics.People;

namespace PeerEthics.Registry;

/// <summary>
/// Which credentials the public registry lists. Like a licensing board's lookup, it lists everyone who holds or
/// has held the credential, whatever became of it — certified, inactive, lapsed, suspended, revoked, relinquished —
/// because an employer or a member of the public needs to learn that a credential was suspended or revoked as much
/// as that it is current. Applicants and trainees are not listed: they hold no credential yet, and being in
/// training (often with lived experience of recovery) is nobody else's business.
/// </summary>
public static class RegistryStatuses
{
    public static readonly IReadOnlyList<CredentialStatus> Listed =
    [
        CredentialStatus.Certified, CredentialStatus.Inactive, CredentialStatus.Lapsed,
        CredentialStatus.Suspended, CredentialStatus.Revoked, CredentialStatus.Relinquished,
    ];

    public static bool IsListed(CredentialStatus status) => Listed.Contains(status);

    /// <summary>
    /// <see cref="Listed"/> as a query filter (a credential also needs its number, given at first certification).
    /// Written as "neither applicant nor trainee" on purpose: a filter the status index cannot serve, so SQLite's
    /// planner walks the index the query is ordered by (the name keys, the registry change time) instead of every
    /// listed credential. A test holds it equal to <see cref="Listed"/> for every status, so a new status fails it
    /// until it is placed.
    /// </summary>
    public static readonly Expression<Func<Credential, bool>> IsPublic = c => c.Number != null
        && c.Status != CredentialStatus.Applicant && c.Status != CredentialStatus.Trainee;

    /// <summary>What a status means to someone checking a credential, in plain words.</summary>
    public static string Meaning(CredentialStatus status) => status switch
    {
        CredentialStatus.Certified => "Certified and current.",
        CredentialStatus.Inactive => "Certified, but not practising for now, at their own request.",
        CredentialStatus.Lapsed => "Not renewed in time: not certified now.",
        CredentialStatus.Suspended => "Certification paused by the program: not certified for now.",
        CredentialStatus.Revoked => "Certification withdrawn by the program.",
        CredentialStatus.Relinquished => "Certification given up by the person.",
        _ => "",
    };
}
