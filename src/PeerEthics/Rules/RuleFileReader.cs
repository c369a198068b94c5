using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PeerEthics.Rules;

/// <summary>A rule file read, or the errors that stop it, each at its line and column.</summary>
public sealed record RuleFileReadResult(RuleFile? File, IReadOnlyList<RuleFileError> Errors)
{
    public bool IsValid => File is not null && Errors.Count == 0;
}

/// <summary>
/// Reads a rule file (docs/rules.md). It walks the YAML by hand rather than binding it to classes so that
/// every mistake a person can make while editing — a misspelt fact, an operator a fact does not have, a
/// parameter without a source — is reported at its line and column. Principle labels are checked against
/// the code afterwards (<see cref="RuleFileBinder"/>): reading needs no database.
/// </summary>
public sealed partial class RuleFileReader
{
    private static readonly string[] TopFields = ["code", "code-versions", "parameters", "rules"];
    private static readonly string[] ParameterFields = ["type", "meaning", "values"];
    private static readonly string[] ValueFields = ["from", "value", "source", "status"];
    private static readonly string[] RuleFields = ["id", "about", "principles", "applies-when", "cases", "otherwise"];
    private static readonly string[] CaseFields = ["when", "outcome", "reason"];
    private static readonly string[] OutcomeFields = ["outcome", "reason"];
    public const string ToConfirm = "program setting to confirm";
    public const string Confirmed = "confirmed";
    public const int MaxMonths = 1200;

    private readonly List<RuleFileError> _errors = [];
    private readonly Dictionary<string, ParameterDefinition> _parameters = new(StringComparer.Ordinal);

    private RuleFileReader()
    {
    }

    /// <summary>Reads YAML text into a rule file, or returns every error found.</summary>
    public static RuleFileReadResult Read(string yaml)
    {
        var reader = new RuleFileReader();
        var file = reader.ReadFile(yaml);
        var errors = reader._errors.OrderBy(e => e.Place.Line).ThenBy(e => e.Place.Column).ToList();
        return new RuleFileReadResult(errors.Count == 0 ? file : null, errors);
    }

    private RuleFile? ReadFile(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            Error(new SourcePlace((int)e.Start.Line, (int)e.Start.Column), $"this is not valid YAML: {Regex.Replace(e.Message, @"^\(Line: .*?\): ", "")}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed text (an unclosed '{' before a new
            // line): find how far it got, so the message still names a line.
            Error(WhereScanningStops(yaml), "this is not valid YAML: it cannot be read past here. Look for an unclosed '{', '[' or quote on this line or the one before.");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(new SourcePlace(1, 1), "expected the fields code, code-versions, parameters and rules at the top of the file.");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(Place(stream.Documents[1].RootNode), "a rule file holds one document: remove the second '---'.");
        }

        CheckFields(root, TopFields, "the top of the file");
        var code = RequiredText(root, "code", "the file");
        var versionsNode = Field(root, "code-versions");
        var versions = new List<int>();
        if (versionsNode is null)
        {
            Error(Place(root), "'code-versions' is missing: list the version numbers of the code these rules read, such as [1].");
        }
        else if (versionsNode is not YamlSequenceNode versionList || versionList.Children.Count == 0)
        {
            Error(Place(versionsNode), "'code-versions' must be a list of version numbers, such as [1] or [1, 2].");
        }
        else
        {
            foreach (var item in versionList.Children)
            {
                if (item is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
                {
                    versions.Add(number);
                }
                else
                {
                    Error(Place(item), $"'{Show(item)}' in 'code-versions' is not a version number (1, 2, 3…).");
                }
            }
        }

        if (Field(root, "parameters") is { } parametersNode)
        {
            if (parametersNode is YamlMappingNode parameters)
            {
                foreach (var (key, value) in parameters.Children)
                {
                    ReadParameter(key, value);
                }
            }
            else
            {
                Error(Place(parametersNode), "'parameters' must be a set of named parameters, each with type, meaning and values.");
            }
        }

        var rules = new List<RuleDefinition>();
        var rulesNode = Field(root, "rules");
        if (rulesNode is not YamlSequenceNode ruleList || ruleList.Children.Count == 0)
        {
            Error(rulesNode is null ? Place(root) : Place(rulesNode), "'rules' must be a list of rules, each starting with '- id:'.");
        }
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in ruleList.Children)
            {
                if (ReadRule(node) is { } rule)
                {
                    if (!ids.Add(rule.Id))
                    {
                        Error(rule.Place, $"rule '{rule.Id}': another rule has this id; each rule needs its own.");
                    }

                    rules.Add(rule);
                }
            }
        }

        return code is null ? null : new RuleFile(code, Place(Field(root, "code")!), versions, versionsNode is null ? Place(root) : Place(versionsNode), _parameters, rules);
    }

    private void ReadParameter(YamlNode key, YamlNode value)
    {
        var name = Show(key);
        var who = $"parameter '{name}'";
        if (!KebabCase().IsMatch(name))
        {
            Error(Place(key), $"{who}: a parameter's name must be kebab-case, such as 'significant-value'.");
            return;
        }

        if (value is not YamlMappingNode mapping)
        {
            Error(Place(value), $"{who}: give its type, meaning and values.");
            return;
        }

        CheckFields(mapping, ParameterFields, who);
        var typeText = RequiredText(mapping, "type", who);
        ParameterType? type = typeText switch
        {
            null => null,
            "dollars" => ParameterType.Dollars,
            "months" => ParameterType.Months,
            "yes-no" => ParameterType.YesNo,
            _ => null,
        };
        if (typeText is not null && type is null)
        {
            Error(Place(Field(mapping, "type")!), $"{who}: type '{typeText}' is not one of: dollars, months, yes-no.");
        }

        var meaning = RequiredText(mapping, "meaning", who);
        var values = new List<ParameterValue>();
        var valuesNode = Field(mapping, "values");
        if (valuesNode is not YamlSequenceNode valueList || valueList.Children.Count == 0)
        {
            Error(valuesNode is null ? Place(mapping) : Place(valuesNode), $"{who}: 'values' must be a list with at least one value, each with from, value, source and status.");
        }
        else if (type is { } parameterType)
        {
            foreach (var item in valueList.Children)
            {
                if (ReadParameterValue(item, parameterType, who) is { } parameterValue)
                {
                    if (values.Any(v => v.From == parameterValue.From))
                    {
                        Error(Place(item), $"{who}: two values start on {parameterValue.From:yyyy-MM-dd}; each value needs its own 'from' day.");
                    }

                    values.Add(parameterValue);
                }
            }
        }

        if (type is { } t && meaning is not null)
        {
            _parameters[name] = new ParameterDefinition(name, t, meaning, [.. values.OrderBy(v => v.From)]);
        }
    }

    private ParameterValue? ReadParameterValue(YamlNode node, ParameterType type, string who)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(Place(node), $"{who}: each value needs from, value, source and status.");
            return null;
        }

        CheckFields(mapping, ValueFields, $"{who}, a value");
        var errorsBefore = _errors.Count;
        DateOnly from = default;
        if (RequiredText(mapping, "from", who) is { } fromText
            && !DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            Error(Place(Field(mapping, "from")!), $"{who}: 'from' must be a day written yyyy-mm-dd; '{fromText}' is not.");
        }

        object? value = null;
        if (Field(mapping, "value") is not { } valueNode)
        {
            Error(Place(mapping), $"{who}: 'value' is missing.");
        }
        else
        {
            value = Literal(valueNode, type switch
            {
                ParameterType.Dollars => ValueKind.Dollars,
                ParameterType.Months => ValueKind.Months,
                _ => ValueKind.YesNo,
            }, who);
        }

        var source = RequiredText(mapping, "source", who);
        var status = RequiredText(mapping, "status", who);
        if (status is not null && status is not (ToConfirm or Confirmed))
        {
            Error(Place(Field(mapping, "status")!), $"{who}: 'status' must be '{ToConfirm}' or '{Confirmed}'; '{status}' is neither.");
        }

        return _errors.Count == errorsBefore && value is not null
            ? new ParameterValue(from, value, source!, status == ToConfirm)
            : null;
    }

    private RuleDefinition? ReadRule(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(Place(node), "each rule must be a set of fields: id, about, principles, applies-when, cases, otherwise.");
            return null;
        }

        var id = Field(mapping, "id") is YamlScalarNode { Value: { } idText } ? idText.Trim() : null;
        var who = id is null ? "a rule" : $"rule '{id}'";
        CheckFields(mapping, RuleFields, who);
        var errorsBefore = _errors.Count;
        if (id is null)
        {
            Error(Place(mapping), "a rule has no 'id': give it a short kebab-case name, such as 'ma-11-gifts'.");
        }
        else if (!KebabCase().IsMatch(id))
        {
            Error(Place(Field(mapping, "id")!), $"{who}: 'id' must be kebab-case (lower-case words joined by hyphens).");
        }

        var about = RequiredText(mapping, "about", who);
        var principles = new List<PrincipleReference>();
        var principlesNode = Field(mapping, "principles");
        if (principlesNode is not YamlSequenceNode principleList || principleList.Children.Count == 0)
        {
            Error(principlesNode is null ? Place(mapping) : Place(principlesNode), $"{who}: 'principles' must list the label of at least one principle it reads, such as [\"11\"].");
        }
        else
        {
            foreach (var item in principleList.Children)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } label })
                {
                    principles.Add(new PrincipleReference(label.Trim(), Place(item)));
                }
                else
                {
                    Error(Place(item), $"{who}: each item of 'principles' must be a principle's label, such as \"11\".");
                }
            }
        }

        var appliesWhen = Field(mapping, "applies-when") is { } appliesNode ? Conditions(appliesNode, who, "applies-when") : [];
        var cases = new List<RuleCase>();
        if (Field(mapping, "cases") is { } casesNode)
        {
            if (casesNode is YamlSequenceNode caseList)
            {
                foreach (var item in caseList.Children)
                {
                    if (ReadCase(item, who, CaseFields, requireWhen: true) is { } ruleCase)
                    {
                        cases.Add(ruleCase);
                    }
                }
            }
            else
            {
                Error(Place(casesNode), $"{who}: 'cases' must be a list, each case with when, outcome and reason.");
            }
        }

        RuleCase? otherwise = null;
        if (Field(mapping, "otherwise") is not { } otherwiseNode)
        {
            Error(Place(mapping), $"{who}: 'otherwise' is missing: say the outcome and reason when no case holds (a rule never decides by silence).");
        }
        else
        {
            otherwise = ReadCase(otherwiseNode, who, OutcomeFields, requireWhen: false);
        }

        return _errors.Count == errorsBefore && otherwise is not null
            ? new RuleDefinition(id!, about!, principles, appliesWhen, cases, otherwise, Place(mapping))
            : null;
    }

    private RuleCase? ReadCase(YamlNode node, string who, string[] fields, bool requireWhen)
    {
        var part = requireWhen ? "a case" : "'otherwise'";
        if (node is not YamlMappingNode mapping)
        {
            Error(Place(node), $"{who}: {part} must be a set of fields: {string.Join(", ", fields)}.");
            return null;
        }

        CheckFields(mapping, fields, $"{who}, {part}");
        var errorsBefore = _errors.Count;
        IReadOnlyList<Condition> when = [];
        if (requireWhen)
        {
            if (Field(mapping, "when") is { } whenNode)
            {
                when = Conditions(whenNode, who, "when");
            }
            else
            {
                Error(Place(mapping), $"{who}: a case needs 'when' (its conditions); use 'otherwise' for the outcome when no case holds.");
            }
        }

        Outcome? outcome = null;
        if (RequiredText(mapping, "outcome", $"{who}, {part}") is { } outcomeText)
        {
            outcome = Outcomes.Parse(outcomeText);
            if (outcome is null)
            {
                Error(Place(Field(mapping, "outcome")!), $"{who}: outcome '{outcomeText}' is not one of: {string.Join(", ", Outcomes.Names)}.");
            }
        }

        var reason = RequiredText(mapping, "reason", $"{who}, {part}");
        return _errors.Count == errorsBefore && outcome is { } o && reason is not null ? new RuleCase(when, o, reason) : null;
    }

    private List<Condition> Conditions(YamlNode node, string who, string field)
    {
        var conditions = new List<Condition>();
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Error(Place(node), $"{who}: '{field}' must be a list of conditions, each like {{ fact: kind, is: gift }}.");
            return conditions;
        }

        foreach (var item in list.Children)
        {
            if (ReadCondition(item, who) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return conditions;
    }

    private Condition? ReadCondition(YamlNode node, string who)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(Place(node), $"{who}: a condition must be like {{ fact: kind, is: gift }}.");
            return null;
        }

        Operand? subject = null;
        ValueKind subjectKind = default;
        string? op = null;
        YamlNode? opValue = null;
        foreach (var (key, value) in mapping.Children)
        {
            var name = Show(key);
            switch (name)
            {
                case "fact":
                    var factName = Show(value);
                    if (Facts.Find(factName) is { } fact)
                    {
                        subject = new Operand.Fact(fact);
                        subjectKind = KindOf(fact.Type);
                    }
                    else
                    {
                        Error(Place(value), $"{who}: unknown fact '{factName}'. The facts are: {string.Join(", ", Facts.All.Select(f => f.Name))}.");
                        return null;
                    }

                    break;
                case "parameter":
                    if (ParameterRef(value, who) is { } parameter)
                    {
                        subject = new Operand.Parameter(parameter.Name);
                        subjectKind = KindOf(parameter.Type);
                    }
                    else
                    {
                        return null;
                    }

                    break;
                default:
                    if (!Operators.All.Contains(name))
                    {
                        Error(Place(key), $"{who}: '{name}' is not part of a condition. A condition has 'fact' (or 'parameter') and one of: {string.Join(", ", Operators.All)}.");
                        return null;
                    }

                    if (op is not null)
                    {
                        Error(Place(key), $"{who}: a condition has one operator; this one has '{op}' and '{name}'. Write two conditions.");
                        return null;
                    }

                    op = name;
                    opValue = value;
                    break;
            }
        }

        if (subject is null || op is null || opValue is null)
        {
            Error(Place(mapping), $"{who}: a condition needs 'fact' (or 'parameter') and one of: {string.Join(", ", Operators.All)}.");
            return null;
        }

        var subjectName = subject is Operand.Fact f ? $"fact '{f.Definition.Name}'" : $"parameter '{((Operand.Parameter)subject).Name}'";
        var allowed = subjectKind switch
        {
            ValueKind.Choice => [Operators.Is, Operators.IsNot, Operators.In, Operators.NotIn],
            ValueKind.YesNo => [Operators.Is, Operators.IsNot],
            ValueKind.Dollars or ValueKind.Months => [Operators.Is, Operators.IsNot, Operators.MoreThan, Operators.AtLeast, Operators.LessThan, Operators.AtMost],
            _ => (string[])[Operators.WithinMonths],
        };
        if (!allowed.Contains(op))
        {
            Error(Place(mapping), $"{who}: the {subjectName} cannot be compared with '{op}'; it takes: {string.Join(", ", allowed)}.");
            return null;
        }

        var choices = subject is Operand.Fact { Definition: var definition } ? definition.Choices : [];
        if (op is Operators.In or Operators.NotIn)
        {
            if (opValue is not YamlSequenceNode items || items.Children.Count == 0)
            {
                Error(Place(opValue), $"{who}: '{op}' takes a list, such as [currently-supported, formerly-supported].");
                return null;
            }

            var values = items.Children.Select(i => ReadOperand(i, ValueKind.Choice, choices, subjectName, who)).ToList();
            return values.All(v => v is not null) ? new Condition(subject, op, values!, Place(mapping)) : null;
        }

        var operandKind = op == Operators.WithinMonths ? ValueKind.Months : subjectKind;
        return ReadOperand(opValue, operandKind, choices, subjectName, who) is { } operand
            ? new Condition(subject, op, [operand], Place(mapping))
            : null;
    }

    private Operand? ReadOperand(YamlNode node, ValueKind kind, IReadOnlyList<string> choices, string subjectName, string who)
    {
        if (node is YamlMappingNode)
        {
            var parameter = ParameterRef(node, who);
            if (parameter is null)
            {
                return null;
            }

            if (KindOf(parameter.Type) != kind)
            {
                Error(Place(node), $"{who}: parameter '{parameter.Name}' holds {Describe(KindOf(parameter.Type))}, but {Describe(kind)} is needed here.");
                return null;
            }

            return new Operand.Parameter(parameter.Name);
        }

        if (kind == ValueKind.Choice)
        {
            var text = Show(node);
            if (!choices.Contains(text))
            {
                Error(Place(node), $"{who}: '{text}' is not a value of the {subjectName}; it is one of: {string.Join(", ", choices)}.");
                return null;
            }

            return new Operand.Literal(text);
        }

        return Literal(node, kind, who) is { } literal ? new Operand.Literal(literal) : null;
    }

    /// <summary><c>{ parameter: name }</c> (or a bare name after <c>parameter:</c>): a declared parameter.</summary>
    private ParameterDefinition? ParameterRef(YamlNode node, string who)
    {
        YamlNode nameNode = node;
        if (node is YamlMappingNode mapping)
        {
            if (mapping.Children.Count != 1 || Field(mapping, "parameter") is not { } inner)
            {
                Error(Place(node), $"{who}: a value here is either written out or given as {{ parameter: name }}.");
                return null;
            }

            nameNode = inner;
        }

        var name = Show(nameNode);
        if (_parameters.TryGetValue(name, out var parameter))
        {
            return parameter;
        }

        Error(Place(nameNode), $"{who}: unknown parameter '{name}'. {(_parameters.Count == 0 ? "The file declares no parameters" : $"The parameters are: {string.Join(", ", _parameters.Keys)}")}; declare it under 'parameters'.");
        return null;
    }

    private object? Literal(YamlNode node, ValueKind kind, string who)
    {
        var text = node is YamlScalarNode { Value: { } t } ? t.Trim() : null;
        switch (kind)
        {
            case ValueKind.Dollars when text is not null
                && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars)
                && dollars == decimal.Round(dollars, 2):
                return decimal.Round(dollars, 2);
            case ValueKind.Dollars:
                Error(Place(node), $"{who}: '{Show(node)}' is not an amount in dollars (a number of at most two decimal places, not negative, such as 50 or 49.99).");
                return null;
            case ValueKind.Months when text is not null
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months is > 0 and <= MaxMonths:
                return months;
            case ValueKind.Months:
                Error(Place(node), $"{who}: '{Show(node)}' is not a number of months (a whole number from 1 to {MaxMonths}).");
                return null;
            case ValueKind.YesNo when text is "true" or "false":
                return text == "true";
            case ValueKind.YesNo:
                Error(Place(node), $"{who}: '{Show(node)}' must be true or false.");
                return null;
            default:
                Error(Place(node), $"{who}: a value cannot be written here.");
                return null;
        }
    }

    private void CheckFields(YamlMappingNode mapping, string[] known, string who)
    {
        foreach (var key in mapping.Children.Keys)
        {
            if (!known.Contains(Show(key)))
            {
                Error(Place(key), $"{who}: unknown field '{Show(key)}'; expected {string.Join(", ", known)}.");
            }
        }
    }

    private string? RequiredText(YamlMappingNode mapping, string field, string who)
    {
        var node = Field(mapping, field);
        if (node is null)
        {
            Error(Place(mapping), $"{who}: '{field}' is missing.");
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
        {
            Error(Place(node), $"{who}: '{field}' must be some text.");
            return null;
        }

        return text.Trim();
    }

    private static SourcePlace WhereScanningStops(string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var place = new SourcePlace(1, 1);
        try
        {
            while (scanner.MoveNext())
            {
                place = new SourcePlace((int)scanner.Current!.Start.Line, (int)scanner.Current.Start.Column);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or YamlException)
        {
            // Stopped: the last token read is where the trouble starts.
        }

        return place;
    }

    private static YamlNode? Field(YamlMappingNode mapping, string field) =>
        mapping.Children.FirstOrDefault(c => Show(c.Key) == field).Value;

    private static string Show(YamlNode node) => node is YamlScalarNode { Value: { } text } ? text.Trim() : node.ToString();

    private static SourcePlace Place(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    private void Error(SourcePlace place, string message) => _errors.Add(new RuleFileError(place, message));

    private enum ValueKind
    {
        Choice,
        Dollars,
        YesNo,
        Date,
        Months,
    }

    private static ValueKind KindOf(FactType type) => type switch
    {
        FactType.Choice => ValueKind.Choice,
        FactType.Dollars => ValueKind.Dollars,
        FactType.YesNo => ValueKind.YesNo,
        _ => ValueKind.Date,
    };

    private static ValueKind KindOf(ParameterType type) => type switch
    {
        ParameterType.Dollars => ValueKind.Dollars,
        ParameterType.Months => ValueKind.Months,
        _ => ValueKind.YesNo,
    };

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Dollars => "dollars",
        ValueKind.Months => "a number of months",
        ValueKind.YesNo => "true or false",
        ValueKind.Date => "a date",
        _ => "a choice",
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
