using PeerEthics.Rules;

namespace PeerEthics.Disclosures;

/// <summary>A disclosure in a list: what, when, the outcome when filed, where it stands. No description.</summary>
public sealed record DisclosureSummary(
    int Id, int PersonId, string PersonName, string Kind, DateOnly Date, DateTimeOffset FiledAt, Outcome Outcome, DisclosureStatus Status,
    int? SupervisorId, string? SupervisorName, DisclosureDecisionKind? LatestDecision);

public sealed record DecisionView(int Id, DisclosureDecisionKind Decision, string? Note, DateTimeOffset DecidedAt, string? DecidedByName, string DecidedAs);

/// <summary>A whole disclosure: its facts, the evaluations stored when it was filed, and every decision, oldest first.</summary>
public sealed record DisclosureView(
    int Id, int PersonId, string PersonName, int? SupervisorId, string? SupervisorName, DateTimeOffset FiledAt,
    Situation Situation, Outcome Outcome, DisclosureStatus Status, int Version,
    IReadOnlyList<ProgramEvaluation> Evaluations, IReadOnlyList<DecisionView> Decisions);

/// <summary>A situation checked under the person's programs, before anything is saved.</summary>
public sealed record DisclosureCheck(Situation Situation, IReadOnlyList<ProgramEvaluation> Evaluations)
{
    public Outcome Outcome => Outcomes.Worst(Evaluations.Select(e => e.Outcome));
}

/// <summary>What the decision form shows: the choices, what was entered (kept on an error), the version read, and any errors.</summary>
public sealed record DecisionForm(IReadOnlyList<DisclosureDecisionKind> Choices, string? Decision, string? Note, int Version, People.Forms.FieldErrors Errors)
{
    /// <summary>A decision was recorded already: this one follows it.</summary>
    public bool Another { get; init; }
}
