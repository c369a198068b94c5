using PeerEthics.People;

namespace PeerEthics.Disclosures;

/// <summary>Where a disclosure stands: with the supervisor, with the program's ethics staff, or decided.</summary>
public enum DisclosureStatus
{
    /// <summary>Filed; the supervisor has not recorded a decision yet.</summary>
    AwaitingSupervisor,

    /// <summary>Referred by the supervisor, or filed by someone with no supervisor on record: ethics staff decide.</summary>
    WithEthicsStaff,

    /// <summary>The latest decision settles it (acknowledged, guidance given, or a corrective plan).</summary>
    Decided,
}

/// <summary>What a supervisor or ethics staff decided about a disclosure.</summary>
public enum DisclosureDecisionKind
{
    Acknowledged,
    GuidanceGiven,
    CorrectivePlan,
    ReferredToEthicsStaff,
}

/// <summary>
/// A specialist's or trainee's own report of a situation: a gift, a loan, business, another relationship, an
/// intimate relationship, support given while impaired, or something else. Sensitive: only the person, the
/// supervisor it went to and ethics staff see it, and every read is audited. Its facts and its evaluations are
/// kept as filed; decisions are added after it, never changed.
/// </summary>
public sealed class Disclosure
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    /// <summary>The supervisor it went to when it was filed (null: no supervisor on record, so it went to ethics staff).</summary>
    public int? SupervisorId { get; set; }

    public Supervisor? Supervisor { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    /// <summary>The account that filed it.</summary>
    public required string FiledBy { get; set; }

    // The facts, as in Rules/Situation (names and choices from Rules/Facts).
    public required string Kind { get; set; }

    public DateOnly Date { get; set; }

    public string? Direction { get; set; }

    public decimal? Value { get; set; }

    public bool? CashOrGiftCard { get; set; }

    public string? Counterpart { get; set; }

    public DateOnly? SupportEnded { get; set; }

    public string? Relationship { get; set; }

    public bool? Impaired { get; set; }

    public string? Description { get; set; }

    /// <summary>The worst outcome of its evaluations when it was filed.</summary>
    public Rules.Outcome Outcome { get; set; }

    public DisclosureStatus Status { get; set; }

    /// <summary>Changes with every decision, so two people deciding at once cannot both win unseen.</summary>
    public int Version { get; set; }

    public List<DisclosureEvaluation> Evaluations { get; set; } = [];

    public List<DisclosureDecision> Decisions { get; set; } = [];

    public Rules.Situation ToSituation() =>
        new(Kind, Date, Direction, Value, CashOrGiftCard, Counterpart, SupportEnded, Relationship, Impaired, Description);
}

/// <summary>
/// A disclosure's evaluation under one program, exactly as it was when filed: the code version and rule set it
/// read (number and hash), the outcome, and the whole result with each rule's outcome, trace and quoted
/// principles (<see cref="Result"/>, JSON). Immutable: a later rule set or code version does not rewrite it.
/// </summary>
public sealed class DisclosureEvaluation
{
    public int Id { get; set; }

    public int DisclosureId { get; set; }

    public required string Program { get; set; }

    public required string Code { get; set; }

    public int CodeVersion { get; set; }

    public required string CodeContentHash { get; set; }

    /// <summary>Null when the code version had no rule set (the evaluation then says nothing could be checked).</summary>
    public int? RuleSetVersion { get; set; }

    public string? RuleSetHash { get; set; }

    public Rules.Outcome Outcome { get; set; }

    /// <summary>The <see cref="Rules.ProgramEvaluation"/> as JSON (<see cref="StoredEvaluation"/>).</summary>
    public required string Result { get; set; }
}

/// <summary>A decision about a disclosure, with the note the specialist reads. Immutable; a later one follows it.</summary>
public sealed class DisclosureDecision
{
    public int Id { get; set; }

    public int DisclosureId { get; set; }

    public DisclosureDecisionKind Decision { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public required string DecidedBy { get; set; }

    public string? DecidedByName { get; set; }

    /// <summary>Who decided: <see cref="DisclosureDeciders.Supervisor"/> or <see cref="DisclosureDeciders.EthicsStaff"/>.</summary>
    public required string DecidedAs { get; set; }
}

public static class DisclosureDeciders
{
    public const string Supervisor = "supervisor";
    public const string EthicsStaff = "ethics-staff";
}
