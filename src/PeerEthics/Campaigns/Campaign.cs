using PeerEthics.Codes;
using PeerEthics.People;
using PeerEthics.Programs;

namespace PeerEthics.Campaigns;

/// <summary>
/// A re-commitment campaign: started when a program's code gets a new version, in the same transaction as the
/// version. Everyone who had to sign at that moment (certified specialists and trainees of the program) is a
/// <see cref="CampaignMember"/>; they sign the new version by the <see cref="Deadline"/>. A later version of the same
/// code ends the campaign (<see cref="EndedAt"/>): nobody can sign a version that is no longer the newest, and the
/// new campaign asks for the newer one.
/// </summary>
public sealed class Campaign
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public CredentialProgram Program { get; set; } = null!;

    public int CodeVersionId { get; set; }

    public CodeVersion CodeVersion { get; set; } = null!;

    /// <summary>When the version was published and the campaign began (UTC).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The first day people can sign: the version's effective date, or the publish day if later.</summary>
    public DateOnly OpensOn { get; set; }

    /// <summary>The last day to sign (UTC); a member who has not signed is overdue from the day after.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>The days people were given (the program's setting in force when the campaign started).</summary>
    public int DaysToSign { get; set; }

    /// <summary>Set when a newer version of the code started a campaign of its own.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public string? EndedReason { get; set; }

    /// <summary>Bumped on every deadline change, so two staff changing it at once cannot both win.</summary>
    public int Version { get; set; }

    public List<CampaignMember> Members { get; set; } = [];

    public List<CampaignDeadlineChange> DeadlineChanges { get; set; } = [];
}

/// <summary>A person who had to sign when the campaign started, with the credential and status that made them one.</summary>
public sealed class CampaignMember
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign Campaign { get; set; } = null!;

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public int CredentialId { get; set; }

    public Credential Credential { get; set; } = null!;

    public CredentialStatus StatusAtStart { get; set; }
}

/// <summary>One change of a campaign's deadline: from, to, why, who, when. Never changed or deleted.</summary>
public sealed class CampaignDeadlineChange
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ChangedBy { get; set; }

    public string? ChangedByName { get; set; }
}

/// <summary>Which reminder: at the start, a week before the deadline, a day before, and once overdue.</summary>
public enum ReminderKind
{
    Start,
    Week,
    Day,
    Overdue,
}

public enum ReminderStatus
{
    /// <summary>Claimed by a run that is sending it now (or stopped while sending: retried after an hour).</summary>
    Sending,

    Sent,

    /// <summary>Could not be sent (the mail server, no address): tried again on the next run while it is the one due.</summary>
    Failed,
}

/// <summary>
/// One reminder to one member: unique on (campaign, person, kind), so a run repeated, or two runs at once, send
/// each reminder once. A failure is kept with its reason and retried.
/// </summary>
public sealed class CampaignReminder
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public int PersonId { get; set; }

    public ReminderKind Kind { get; set; }

    public ReminderStatus Status { get; set; }

    /// <summary>How many times sending was tried; also what a run compares to claim a retry.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset LastTriedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}
