using PeerEthics.Programs;

namespace PeerEthics.People;

/// <summary>A person's standing with one program: at most one per person and program.</summary>
public sealed class Credential
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public int ProgramId { get; set; }

    public CredentialProgram Program { get; set; } = null!;

    /// <summary>Issued in the program's number format at first certification; kept for life.</summary>
    public string? Number { get; set; }

    public CredentialStatus Status { get; set; }

    /// <summary>The first day of the current certification cycle.</summary>
    public DateOnly? IssuedOn { get; set; }

    /// <summary>The last day of the current cycle; the grace period follows.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The day the person completed training (a cohort), which makes a trainee eligible for certification.</summary>
    public DateOnly? EligibleSince { get; set; }

    /// <summary>
    /// When a field the public registry shows last changed (status, expiry, number, the person's name): the
    /// registry's "last updated". Kept by <c>Registry/RegistryStamper</c> on every save.
    /// </summary>
    public DateTimeOffset RegistryChangedAt { get; set; }

    /// <summary>Bumped on every change, so two staff changing one credential at once cannot both win.</summary>
    public int Version { get; set; }

    public List<CredentialStatusChange> History { get; set; } = [];
}

/// <summary>One status change: from what, to what, who, when and why. Never changed or deleted.</summary>
public sealed class CredentialStatusChange
{
    public long Id { get; set; }

    public int CredentialId { get; set; }

    public Credential Credential { get; set; } = null!;

    /// <summary>Null for the record's first status.</summary>
    public CredentialStatus? From { get; set; }

    public CredentialStatus To { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account id, <c>system</c> (the daily lapse job) or <c>cli</c>.</summary>
    public required string ChangedBy { get; set; }

    public string? ChangedByName { get; set; }

    public required string Reason { get; set; }
}
