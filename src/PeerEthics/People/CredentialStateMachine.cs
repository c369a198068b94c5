namespace PeerEthics.People;

/// <summary>
/// The status changes a program allows, and nothing else. Conditions that depend on the record (a trainee needs a
/// completed cohort to be certified) are checked by <see cref="CredentialLifecycle"/>; this is only the graph.
/// </summary>
public static class CredentialStateMachine
{
    private static readonly Dictionary<CredentialStatus, CredentialStatus[]> s_allowed = new()
    {
        // Accepted into training, or withdraws.
        [CredentialStatus.Applicant] = [CredentialStatus.Trainee, CredentialStatus.Relinquished],
        // Certified after completing training; withdraws; or is dismissed from training.
        [CredentialStatus.Trainee] = [CredentialStatus.Certified, CredentialStatus.Relinquished, CredentialStatus.Revoked],
        // Every way a current certification ends or pauses.
        [CredentialStatus.Certified] = [CredentialStatus.Inactive, CredentialStatus.Lapsed, CredentialStatus.Suspended, CredentialStatus.Revoked, CredentialStatus.Relinquished],
        // Comes back, runs out, gives up, or is withdrawn by the program.
        [CredentialStatus.Inactive] = [CredentialStatus.Certified, CredentialStatus.Lapsed, CredentialStatus.Relinquished, CredentialStatus.Revoked],
        // Reinstated, gives up, or is withdrawn (a concern can outlive a lapse).
        [CredentialStatus.Lapsed] = [CredentialStatus.Certified, CredentialStatus.Relinquished, CredentialStatus.Revoked],
        // The suspension ends, becomes a revocation, or the certification runs out meanwhile. Relinquishing is
        // not a way out of a suspension.
        [CredentialStatus.Suspended] = [CredentialStatus.Certified, CredentialStatus.Revoked, CredentialStatus.Lapsed],
        // Final: a revoked person who comes back is a new decision outside this record.
        [CredentialStatus.Revoked] = [],
        // Someone who gave it up may apply again.
        [CredentialStatus.Relinquished] = [CredentialStatus.Applicant],
    };

    public static bool CanChange(CredentialStatus from, CredentialStatus to) => s_allowed[from].Contains(to);

    public static IReadOnlyList<CredentialStatus> NextFrom(CredentialStatus from) => s_allowed[from];

    /// <summary>The statuses a new credential record may start in.</summary>
    public static readonly IReadOnlyList<CredentialStatus> Initial = [CredentialStatus.Applicant, CredentialStatus.Trainee];

    /// <summary>Why a change is not allowed, in words a registrar can act on.</summary>
    public static string Refusal(CredentialStatus from, CredentialStatus to)
    {
        if (from == to)
        {
            return $"The credential is already {from.Describe().ToLowerInvariant()}.";
        }

        var next = NextFrom(from);
        return next.Count == 0
            ? $"A {from.Describe().ToLowerInvariant()} credential cannot change status."
            : $"A {from.Describe().ToLowerInvariant()} credential cannot become {to.Describe().ToLowerInvariant()}; it can become {string.Join(", ", next.Select(s => s.Describe().ToLowerInvariant()))}.";
    }
}
