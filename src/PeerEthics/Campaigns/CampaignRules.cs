using PeerEthics.People;

namespace PeerEthics.Campaigns;

#pragma warning disable CA1720 // "Signed" is a signature given here, not an integer type.

/// <summary>Where a member of a campaign stands.</summary>
public enum SignatureState
{
    /// <summary>Signed the campaign's code version (on time or late).</summary>
    Signed,

    /// <summary>Not signed yet; the deadline has not passed.</summary>
    Pending,

    /// <summary>Not signed, and the deadline has passed.</summary>
    Overdue,

    /// <summary>
    /// Not signed, and no longer has to: their credential has since lapsed, been suspended, revoked or relinquished
    /// (see <see cref="CampaignRules.StillBound"/>). Not counted as pending or overdue, and sent no reminders.
    /// </summary>
    Excused,
}
#pragma warning restore CA1720

/// <summary>The date rules of a campaign, on days in UTC: plain functions, so the schedule is testable without a database.</summary>
public static class CampaignRules
{
    /// <summary>
    /// The credential statuses that still bind a member to sign: certified, in training, or inactive (not practising
    /// for now, but still holding the credential). A member whose credential left these since the campaign started is
    /// excused.
    /// </summary>
    public static readonly IReadOnlyList<CredentialStatus> StillBound = [CredentialStatus.Certified, CredentialStatus.Trainee, CredentialStatus.Inactive];

    public static SignatureState StateOf(bool hasSigned, CredentialStatus statusNow, DateOnly deadline, DateOnly today) =>
        hasSigned ? SignatureState.Signed
        : !StillBound.Contains(statusNow) ? SignatureState.Excused
        : today > deadline ? SignatureState.Overdue : SignatureState.Pending;

    /// <summary>The day a reminder of each kind becomes due.</summary>
    public static DateOnly DueOn(ReminderKind kind, DateOnly opensOn, DateOnly deadline) => kind switch
    {
        ReminderKind.Start => opensOn,
        ReminderKind.Week => deadline.AddDays(-7),
        ReminderKind.Day => deadline.AddDays(-1),
        ReminderKind.Overdue => deadline.AddDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The reminder an unsigned member should have by <paramref name="today"/>: the latest kind whose day has come, or
    /// null before the campaign opens. A run that missed a day sends the one due now, not every one it missed (a
    /// "one week left" after "one day left" would mislead).
    /// </summary>
    public static ReminderKind? Due(DateOnly opensOn, DateOnly deadline, DateOnly today)
    {
        if (today < opensOn)
        {
            return null;
        }

        ReminderKind? due = null;
        foreach (var kind in Enum.GetValues<ReminderKind>())
        {
            // A week (or a day) before a deadline that close to the opening is the start itself: the start reminder says it.
            if (today >= DueOn(kind, opensOn, deadline) && (kind == ReminderKind.Start || DueOn(kind, opensOn, deadline) > opensOn))
            {
                due = kind;
            }
        }

        return due;
    }

    public static string Name(this SignatureState state) => state.ToString().ToLowerInvariant();

    public static string Name(this ReminderKind kind) => kind.ToString().ToLowerInvariant();

    public static string Describe(this ReminderKind kind) => kind switch
    {
        ReminderKind.Start => "at the start",
        ReminderKind.Week => "one week before the deadline",
        ReminderKind.Day => "one day before the deadline",
        ReminderKind.Overdue => "once overdue",
        _ => kind.ToString(),
    };
}
