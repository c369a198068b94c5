namespace PeerEthics.Rules;

/// <summary>What a rule decides about a situation, from best to worst.</summary>
public enum Outcome
{
    /// <summary>within-code: the rule finds the situation within the code.</summary>
    WithinCode = 0,

    /// <summary>needs-review: a supervisor should look at it (the code is silent or unclear, or a fact is missing).</summary>
    NeedsReview = 1,

    /// <summary>against-code: the situation is against the code.</summary>
    AgainstCode = 2,
}

public static class Outcomes
{
    public static readonly IReadOnlyList<string> Names = ["within-code", "needs-review", "against-code"];

    private static readonly List<string> s_names = [.. Names];

    public static string Name(Outcome outcome) => Names[(int)outcome];

    public static Outcome? Parse(string name) => s_names.IndexOf(name) is var i and >= 0 ? (Outcome)i : null;

    /// <summary>How the outcome reads to a person.</summary>
    public static string Describe(Outcome outcome) => outcome switch
    {
        Outcome.WithinCode => "Within the code",
        Outcome.NeedsReview => "Needs a supervisor's review",
        _ => "Against the code",
    };

    public static Outcome Worst(IEnumerable<Outcome> outcomes) => outcomes.DefaultIfEmpty(Outcome.WithinCode).Max();
}

/// <summary>The types a parameter can have.</summary>
public enum ParameterType
{
    Dollars,
    Months,
    YesNo,
}

/// <summary>A place in a rule file, 1-based, for messages.</summary>
public readonly record struct SourcePlace(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}

/// <summary>One error in a rule file, at a line and column.</summary>
public sealed record RuleFileError(SourcePlace Place, string Message)
{
    public override string ToString() => $"{Place}: {Message}";
}

/// <summary>
/// A rule file read into structure: the code and versions it reads, its parameters and its rules.
/// docs/rules.md describes the language.
/// </summary>
public sealed record RuleFile(
    string Code,
    SourcePlace CodePlace,
    IReadOnlyList<int> CodeVersions,
    SourcePlace CodeVersionsPlace,
    IReadOnlyDictionary<string, ParameterDefinition> Parameters,
    IReadOnlyList<RuleDefinition> Rules);

/// <summary>A value the code leaves undefined and a program sets in policy, with its values over time.</summary>
public sealed record ParameterDefinition(string Name, ParameterType Type, string Meaning, IReadOnlyList<ParameterValue> Values)
{
    /// <summary>The value in force on a day: the latest whose <c>from</c> has come; null before the first.</summary>
    public ParameterValue? InForceOn(DateOnly day) => Values.Where(v => v.From <= day).MaxBy(v => v.From);
}

/// <summary>
/// One value of a parameter, from a day on. <see cref="ToConfirm"/> marks a value PeerEthics seeded
/// that the program has not yet confirmed ("program setting to confirm").
/// </summary>
public sealed record ParameterValue(DateOnly From, object Value, string Source, bool ToConfirm);

/// <summary>A reference to a principle of the code by its printed label, where the file says it.</summary>
public sealed record PrincipleReference(string Label, SourcePlace Place);

/// <summary>
/// One rule: the principles it reads, when it applies, and its cases in order; the first case whose
/// conditions all hold decides, else <see cref="Otherwise"/>.
/// </summary>
public sealed record RuleDefinition(
    string Id,
    string About,
    IReadOnlyList<PrincipleReference> Principles,
    IReadOnlyList<Condition> AppliesWhen,
    IReadOnlyList<RuleCase> Cases,
    RuleCase Otherwise,
    SourcePlace Place);

public sealed record RuleCase(IReadOnlyList<Condition> When, Outcome Outcome, string Reason);

/// <summary>What a condition reads or compares with: a fact, a parameter, or a value written in the file.</summary>
public abstract record Operand
{
    public sealed record Fact(FactDefinition Definition) : Operand;

    public sealed record Parameter(string Name) : Operand;

    public sealed record Literal(object Value) : Operand;
}

/// <summary>The operators of the rule language (docs/rules.md).</summary>
public static class Operators
{
    public const string Is = "is";
    public const string IsNot = "is-not";
    public const string In = "in";
    public const string NotIn = "not-in";
    public const string MoreThan = "more-than";
    public const string AtLeast = "at-least";
    public const string LessThan = "less-than";
    public const string AtMost = "at-most";
    public const string WithinMonths = "within-months";

    public static readonly IReadOnlyList<string> All = [Is, IsNot, In, NotIn, MoreThan, AtLeast, LessThan, AtMost, WithinMonths];
}

/// <summary>
/// <c>{ fact: value, more-than: { parameter: significant-value } }</c>: a subject, an operator and what it
/// is compared with (one operand, or several for <c>in</c> and <c>not-in</c>).
/// </summary>
public sealed record Condition(Operand Subject, string Operator, IReadOnlyList<Operand> Values, SourcePlace Place);
