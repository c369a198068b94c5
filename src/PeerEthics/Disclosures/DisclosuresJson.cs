using PeerEthics.Rules;

namespace PeerEthics.Disclosures;

/// <summary>The body of <c>POST /api/my/disclosures</c>: a situation's fields (samples/situations/README.md); what each kind needs is checked.</summary>
public sealed record DisclosureRequest(
    string Kind, string? Date, string? Direction, decimal? Value, bool? CashOrGiftCard, string? Counterpart,
    string? SupportEnded, string? Relationship, bool? Impaired, string? Description);

public sealed record DisclosureSummaryJson(int Id, string Person, string Kind, DateOnly Date, DateTimeOffset FiledAt, string Outcome, string Status, string? LatestDecision)
{
    public static DisclosureSummaryJson From(DisclosureSummary d) => new(d.Id, d.PersonName, d.Kind, d.Date, d.FiledAt, Outcomes.Name(d.Outcome),
        DisclosureNames.Of(d.Status), d.LatestDecision is { } latest ? DisclosureNames.Of(latest) : null);
}

public sealed record DecisionJson(string Decision, string? Note, DateTimeOffset DecidedAt, string DecidedAs, string? DecidedBy);

/// <summary>A disclosure as filed, with the evaluations stored then (each rule's outcome and trace) and its decisions.</summary>
public sealed record DisclosureJson(
    int Id, string Person, string? Supervisor, DateTimeOffset FiledAt, Situation Situation, string Outcome, string Status, int Version,
    IReadOnlyList<ProgramEvaluation> Evaluations, IReadOnlyList<DecisionJson> Decisions)
{
    /// <summary>The disclosure as JSON; <paramref name="deciders"/>: whether to name who decided (staff and supervisors see it; the person sees the role).</summary>
    public static DisclosureJson From(DisclosureView d, bool deciders) => new(d.Id, d.PersonName, d.SupervisorName, d.FiledAt, d.Situation,
        Outcomes.Name(d.Outcome), DisclosureNames.Of(d.Status), d.Version, d.Evaluations,
        [.. d.Decisions.Select(x => new DecisionJson(DisclosureNames.Of(x.Decision), x.Note, x.DecidedAt, x.DecidedAs, deciders ? x.DecidedByName : null))]);
}

/// <summary>What <c>?dryRun=true</c> answers: the situation as read and its evaluation under the person's programs; nothing saved.</summary>
public sealed record DisclosureCheckJson(Situation Situation, string Outcome, IReadOnlyList<ProgramEvaluation> Evaluations)
{
    public static DisclosureCheckJson From(DisclosureCheck c) => new(c.Situation, Outcomes.Name(c.Outcome), c.Evaluations);
}
