using PeerEthics.People;

namespace PeerEthics.ContinuingEducation;

public enum CeDecision
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A continuing-education activity a specialist recorded toward one of their credentials.</summary>
public sealed class CeActivity
{
    public int Id { get; set; }

    public int CredentialId { get; set; }

    public Credential Credential { get; set; } = null!;

    public required string Title { get; set; }

    public required string Provider { get; set; }

    public DateOnly CompletedOn { get; set; }

    public decimal Hours { get; set; }

    /// <summary>How many of <see cref="Hours"/> were about ethics.</summary>
    public decimal EthicsHours { get; set; }

    /// <summary>The evidence file's name as uploaded (shown, never used as a path).</summary>
    public string? EvidenceFileName { get; set; }

    public string? EvidenceContentType { get; set; }

    public long? EvidenceSize { get; set; }

    /// <summary>The file's name in the data directory's evidence folder (a random name PeerEthics chose).</summary>
    public string? EvidenceStoredName { get; set; }

    public CeDecision Decision { get; set; }

    public string? DecisionReason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public int Version { get; set; }
}

public enum RenewalState
{
    Submitted,
    Approved,
    Refused,
}

/// <summary>An application to renew a credential for the cycle after <see cref="CycleExpiresOn"/>.</summary>
public sealed class RenewalApplication
{
    public int Id { get; set; }

    public int CredentialId { get; set; }

    public Credential Credential { get; set; } = null!;

    /// <summary>The expiry date of the cycle being renewed.</summary>
    public DateOnly CycleExpiresOn { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public RenewalState State { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecidedByName { get; set; }

    public string? Reason { get; set; }

    /// <summary>Set on approval: the expiry date of the new cycle.</summary>
    public DateOnly? NewExpiresOn { get; set; }
}
