namespace PeerEthics.People;

/// <summary>Where a person stands with a program. Stored as its lower-case name.</summary>
public enum CredentialStatus
{
    /// <summary>Has applied to train; not yet accepted into a cohort.</summary>
    Applicant,

    /// <summary>In training (enrolled in a cohort); bound by the code, not yet certified.</summary>
    Trainee,

    /// <summary>Certified and current (possibly in the grace period after the expiry date).</summary>
    Certified,

    /// <summary>Certified, but not practising for now, at the specialist's request.</summary>
    Inactive,

    /// <summary>Not renewed by the end of the grace period.</summary>
    Lapsed,

    /// <summary>Certification paused by the program, for a time.</summary>
    Suspended,

    /// <summary>Certification withdrawn by the program. Final.</summary>
    Revoked,

    /// <summary>Given up by the person.</summary>
    Relinquished,
}

public static class CredentialStatuses
{
    public static readonly IReadOnlyList<CredentialStatus> All = Enum.GetValues<CredentialStatus>();

    public static string Name(this CredentialStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>How a status reads on a page.</summary>
    public static string Describe(this CredentialStatus status) => status switch
    {
        CredentialStatus.Applicant => "Applicant",
        CredentialStatus.Trainee => "Trainee",
        CredentialStatus.Certified => "Certified",
        CredentialStatus.Inactive => "Inactive",
        CredentialStatus.Lapsed => "Lapsed",
        CredentialStatus.Suspended => "Suspended",
        CredentialStatus.Revoked => "Revoked",
        CredentialStatus.Relinquished => "Relinquished",
        _ => status.ToString(),
    };

    public static bool TryParse(string? text, out CredentialStatus status)
    {
        status = default;
        var value = text?.Trim();
        return !string.IsNullOrEmpty(value) && !char.IsAsciiDigit(value[0])
            && Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status);
    }
}
