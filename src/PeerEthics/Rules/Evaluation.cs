using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerEthics.Rules;

/// <summary>The exact code version a result read: its code, number and content hash.</summary>
public sealed record CodeVersionReference(string Code, int Version, string ContentHash, string Title);

/// <summary>The exact rule set a result ran: its version within the code and the hash of its text.</summary>
public sealed record RuleSetReference(int Version, string ContentHash);

/// <summary>A fact a rule read, as it read it ("not given" when the situation does not say).</summary>
public sealed record FactUsed(string Fact, string Value);

/// <summary>A parameter a rule read: the value in force on the situation's date, and where it came from.</summary>
public sealed record ParameterUsed(string Parameter, string Meaning, string Value, DateOnly From, string Source, bool ToConfirm);

/// <summary>How a rule reached its outcome: which rule, which code version, which facts and parameters, each step, and the principles quoted.</summary>
public sealed record RuleTrace(
    string Rule,
    CodeVersionReference CodeVersion,
    RuleSetReference RuleSet,
    IReadOnlyList<FactUsed> Facts,
    IReadOnlyList<ParameterUsed> Parameters,
    IReadOnlyList<string> Steps,
    IReadOnlyList<PrincipleText> Principles);

public sealed record RuleResult(
    string Rule,
    string About,
    [property: JsonConverter(typeof(OutcomeJsonConverter))] Outcome Outcome,
    string Reason,
    RuleTrace Trace)
{
    public string OutcomeText => Outcomes.Describe(Outcome);
}

/// <summary>
/// A situation evaluated under one program's code: the worst outcome of the rules that apply, each rule's
/// result and trace, and the principles that apply to the situation but that no rule can check.
/// </summary>
public sealed record ProgramEvaluation(
    string Program,
    string ProgramName,
    DateOnly Date,
    CodeVersionReference CodeVersion,
    RuleSetReference? RuleSet,
    [property: JsonConverter(typeof(OutcomeJsonConverter))] Outcome Outcome,
    string Summary,
    IReadOnlyList<RuleResult> Rules,
    IReadOnlyList<PrincipleText> CannotBeChecked)
{
    public string OutcomeText => Outcomes.Describe(Outcome);
}

/// <summary>Outcomes in JSON as the rule files write them: within-code, needs-review, against-code.</summary>
public sealed class OutcomeJsonConverter() : JsonStringEnumConverter<Outcome>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);
