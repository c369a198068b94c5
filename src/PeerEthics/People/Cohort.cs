using PeerEthics.Programs;

namespace PeerEthics.People;

/// <summary>A training group: trainees trained together by a trainer between two dates.</summary>
public sealed class Cohort
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public CredentialProgram Program { get; set; } = null!;

    public required string Name { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public required string Trainer { get; set; }

    /// <summary>Set when the trainer's sign-off is recorded; the completing trainees become eligible for certification.</summary>
    public DateOnly? CompletedOn { get; set; }

    public List<CohortEnrolment> Enrolments { get; set; } = [];
}

public sealed class CohortEnrolment
{
    public int Id { get; set; }

    public int CohortId { get; set; }

    public Cohort Cohort { get; set; } = null!;

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    /// <summary>Set when the cohort is completed: whether this trainee finished it (one who did not stays as they were).</summary>
    public bool? Finished { get; set; }

    /// <summary>
    /// Set when staff took the trainee out of the cohort before it completed (they left training, or were enrolled by
    /// mistake). The enrolment is kept, so the roster still shows who started; enrolling them again clears it.
    /// </summary>
    public DateOnly? WithdrawnOn { get; set; }

    /// <summary>Why the trainee was taken out, in staff's words (<see cref="MaxWithdrawalReasonLength"/> at most).</summary>
    public string? WithdrawalReason { get; set; }

    public const int MaxWithdrawalReasonLength = 500;
}
