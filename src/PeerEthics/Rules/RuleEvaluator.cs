using System.Globalization;

namespace PeerEthics.Rules;

/// <summary>Everything the evaluator needs about one program's code on the situation's date.</summary>
public sealed record EvaluationContext(
    string Program,
    string ProgramName,
    CodeVersionReference CodeVersion,
    IReadOnlyList<PrincipleText> Principles,
    IReadOnlyList<IReadOnlyList<string>> PrincipleThemes,
    RuleSetReference? RuleSet,
    RuleFile? Rules);

/// <summary>
/// Runs a rule file over a situation. A condition on a fact the situation does not give is neither true
/// nor false: the rule then answers "needs review" and names the missing fact, rather than guessing. A
/// situation no rule checks is never "within the code" by silence.
/// </summary>
public static class RuleEvaluator
{
    private enum Truth
    {
        False,
        Unknown,
        True,
    }

    public static ProgramEvaluation Evaluate(EvaluationContext context, Situation situation)
    {
        var results = new List<RuleResult>();
        var cited = new HashSet<string>(StringComparer.Ordinal);
        if (context.Rules is { } file && context.RuleSet is { } ruleSet)
        {
            foreach (var rule in file.Rules)
            {
                if (EvaluateRule(rule, file, context, ruleSet, situation) is { } result)
                {
                    results.Add(result);
                    foreach (var principle in result.Trace.Principles)
                    {
                        cited.Add(principle.Label);
                    }
                }
            }
        }

        var themes = Facts.ThemesOf(situation.Kind);
        var cannotBeChecked = context.Principles
            .Where((p, i) => !cited.Contains(p.Label) && i < context.PrincipleThemes.Count && context.PrincipleThemes[i].Any(themes.Contains))
            .ToList();
        var outcome = results.Count == 0 ? Outcome.NeedsReview : Outcomes.Worst(results.Select(r => r.Outcome));
        return new ProgramEvaluation(context.Program, context.ProgramName, situation.Date, context.CodeVersion, context.RuleSet, outcome,
            Summary(context, results, outcome, cannotBeChecked.Count), results, cannotBeChecked);
    }

    private static string Summary(EvaluationContext context, List<RuleResult> results, Outcome outcome, int uncheckedCount)
    {
        if (context.Rules is null)
        {
            return $"There are no rules for version {context.CodeVersion.Version} of this code yet, so nothing can be checked: a supervisor should review it.";
        }

        if (results.Count == 0)
        {
            return "No rule of this code checks this kind of situation, so it cannot be called within the code: a supervisor should review it.";
        }

        var text = outcome switch
        {
            Outcome.AgainstCode => "At least one rule finds this situation against a principle of the code.",
            Outcome.NeedsReview => "At least one rule cannot decide, or the code leaves it open: a supervisor should review it.",
            _ => "Every rule that applies finds it within the code (as far as rules can check).",
        };
        return uncheckedCount > 0
            ? $"{text} {uncheckedCount} more principle{(uncheckedCount == 1 ? "" : "s")} also appl{(uncheckedCount == 1 ? "ies" : "y")} and cannot be checked by rule: read {(uncheckedCount == 1 ? "it" : "them")} too."
            : text;
    }

    private static RuleResult? EvaluateRule(RuleDefinition rule, RuleFile file, EvaluationContext context, RuleSetReference ruleSet, Situation situation)
    {
        var trace = new TraceBuilder(file, situation);
        var applies = trace.All(rule.AppliesWhen, "applies when");
        if (applies == Truth.False)
        {
            return null;
        }

        var (outcome, reason) = applies == Truth.Unknown
            ? (Outcome.NeedsReview, $"Whether this rule applies depends on what the situation does not say ({trace.MissingText}). A supervisor should review it, or give those facts and check again.")
            : Decide(rule, trace);
        var principles = rule.Principles
            .Select(r => RuleFileBinder.Find(context.Principles, r.Label) ?? new PrincipleText(r.Label, "(this principle is not in this version of the code)"))
            .ToList();
        return new RuleResult(rule.Id, rule.About, outcome, reason,
            new RuleTrace(rule.Id, context.CodeVersion, ruleSet, trace.Facts, trace.Parameters, trace.Steps, principles));
    }

    /// <summary>
    /// The first case whose conditions all hold decides. A case that cannot be told (a fact is missing)
    /// might hold, so the cases after it are read too: if every outcome still possible is the same, that
    /// is the outcome; otherwise the rule needs review and names the missing facts.
    /// </summary>
    private static (Outcome, string) Decide(RuleDefinition rule, TraceBuilder trace)
    {
        var possible = new List<Outcome>();
        RuleCase? decided = null;
        for (var i = 0; i < rule.Cases.Count && decided is null; i++)
        {
            var ruleCase = rule.Cases[i];
            switch (trace.All(ruleCase.When, $"case {i + 1}"))
            {
                case Truth.True:
                    decided = ruleCase;
                    break;
                case Truth.Unknown:
                    possible.Add(ruleCase.Outcome);
                    break;
            }
        }

        if (decided is null)
        {
            trace.Step("otherwise");
            decided = rule.Otherwise;
        }

        possible.Add(decided.Outcome);
        return possible.Distinct().Count() == 1
            ? (decided.Outcome, decided.Reason)
            : (Outcome.NeedsReview, $"The outcome depends on what the situation does not say ({trace.MissingText}). A supervisor should review it, or give those facts and check again.");
    }

    /// <summary>Evaluates conditions and records what they read, for the trace.</summary>
    private sealed class TraceBuilder(RuleFile file, Situation situation)
    {
        private readonly List<FactUsed> _facts = [];
        private readonly List<ParameterUsed> _parameters = [];
        private readonly List<string> _missing = [];

        public List<string> Steps { get; } = [];

        public IReadOnlyList<FactUsed> Facts => _facts;

        public IReadOnlyList<ParameterUsed> Parameters => _parameters;

        public string MissingText => string.Join(", ", _missing);

        public void Step(string text) => Steps.Add(text);

        public Truth All(IReadOnlyList<Condition> conditions, string part)
        {
            var result = Truth.True;
            foreach (var condition in conditions)
            {
                var truth = Evaluate(condition, out var description);
                Steps.Add($"{part}: {description}: {Say(truth)}");
                if (truth == Truth.False)
                {
                    return Truth.False;
                }

                if (truth == Truth.Unknown)
                {
                    result = Truth.Unknown;
                }
            }

            return result;
        }

        private static string Say(Truth truth) => truth switch
        {
            Truth.True => "yes",
            Truth.False => "no",
            _ => "cannot tell",
        };

        private Truth Evaluate(Condition condition, out string description)
        {
            var (subject, subjectText) = Read(condition.Subject);
            var values = condition.Values.Select(Read).ToList();
            var valuesText = string.Join(" or ", values.Select(v => v.Text));
            description = $"{subjectText} {condition.Operator.Replace('-', ' ')} {valuesText}";
            if (subject is null || values.Any(v => v.Value is null))
            {
                return Truth.Unknown;
            }

            if (condition.Operator == Operators.WithinMonths)
            {
                var start = (DateOnly)subject;
                var months = (int)values[0].Value!;
                var end = CalendarMonths.WindowEnd(start, months);
                description = $"{subjectText} within {valuesText}: the window ends on {end:yyyy-MM-dd} (calendar months, that day included); the situation's date is {situation.Date:yyyy-MM-dd}";
                return situation.Date <= end ? Truth.True : Truth.False;
            }

            var holds = condition.Operator switch
            {
                Operators.Is => Equals(subject, values[0].Value),
                Operators.IsNot => !Equals(subject, values[0].Value),
                Operators.In => values.Any(v => Equals(subject, v.Value)),
                Operators.NotIn => values.All(v => !Equals(subject, v.Value)),
                Operators.MoreThan => Compare(subject, values[0].Value!) > 0,
                Operators.AtLeast => Compare(subject, values[0].Value!) >= 0,
                Operators.LessThan => Compare(subject, values[0].Value!) < 0,
                Operators.AtMost => Compare(subject, values[0].Value!) <= 0,
                _ => throw new InvalidOperationException($"Unknown operator {condition.Operator}."),
            };
            return holds ? Truth.True : Truth.False;
        }

        private static int Compare(object left, object right) => ((IComparable)left).CompareTo(right);

        private (object? Value, string Text) Read(Operand operand)
        {
            switch (operand)
            {
                case Operand.Fact { Definition: var fact }:
                    var value = situation.Fact(fact.Name);
                    var shown = fact.Describe(value);
                    if (!_facts.Any(f => f.Fact == fact.Name))
                    {
                        _facts.Add(new FactUsed(fact.Name, shown));
                    }

                    if (value is null && !_missing.Contains(fact.Name))
                    {
                        _missing.Add(fact.Name);
                    }

                    return (value, $"{fact.Name} ({shown})");
                case Operand.Parameter { Name: var name }:
                    var definition = file.Parameters[name];
                    var inForce = definition.InForceOn(situation.Date);
                    if (inForce is null)
                    {
                        var missing = $"a value of {name} in force on {situation.Date:yyyy-MM-dd}";
                        if (!_missing.Contains(missing))
                        {
                            _missing.Add(missing);
                        }

                        return (null, $"{name} (no value in force on {situation.Date:yyyy-MM-dd})");
                    }

                    var text = Show(definition.Type, inForce.Value);
                    if (!_parameters.Any(p => p.Parameter == name))
                    {
                        _parameters.Add(new ParameterUsed(name, definition.Meaning, text, inForce.From, inForce.Source, inForce.ToConfirm));
                    }

                    return (inForce.Value, $"{name} ({text})");
                case Operand.Literal { Value: var literal }:
                    return (literal, literal switch
                    {
                        decimal d => d.ToString("$#,##0.00", CultureInfo.InvariantCulture),
                        bool b => b ? "true" : "false",
                        _ => Convert.ToString(literal, CultureInfo.InvariantCulture) ?? "",
                    });
                default:
                    throw new InvalidOperationException($"Unknown operand {operand}.");
            }
        }

        private static string Show(ParameterType type, object value) => type switch
        {
            ParameterType.Dollars => ((decimal)value).ToString("$#,##0.00", CultureInfo.InvariantCulture),
            ParameterType.Months => $"{value} months",
            _ => (bool)value ? "yes" : "no",
        };
    }
}
