using System.Globalization;
using System.Text.Json;

namespace PeerEthics.Rules;

/// <summary>A situation read from JSON or a form, or the errors that stop it, by field name.</summary>
public sealed record SituationReadResult(Situation? Situation, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Situation is not null;
}

/// <summary>
/// Reads a situation from JSON (the API, the command line, samples/situations) or from form fields (the
/// compare page). Every error names the field and says what is expected. Field names are camelCase, as in
/// samples/situations/README.md.
/// </summary>
public static class SituationReader
{
    public const int MaxDescriptionLength = 2000;
    public const decimal MaxValue = 1_000_000_000m;
    public const string DescriptionField = "description";

    /// <summary>Every field a situation may have, in the order forms show them.</summary>
    public static IReadOnlyList<string> Fields { get; } = [.. Facts.All.Select(f => f.Field), DescriptionField];

    /// <summary>Reads a JSON object. <paramref name="prefix"/> goes before field names in errors ("situation.").</summary>
    public static SituationReadResult FromJson(JsonElement json, DateOnly today, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors[prefix.TrimEnd('.') is { Length: > 0 } p ? p : "situation"] = ["A situation must be a JSON object, such as {\"kind\": \"gift\", \"value\": 60}."];
            return new SituationReadResult(null, errors);
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            var definition = Facts.All.FirstOrDefault(f => f.Field == property.Name);
            if (definition is null && property.Name != DescriptionField)
            {
                errors[prefix + property.Name] = [$"'{property.Name}' is not a field of a situation. The fields are: {string.Join(", ", Fields)}."];
                continue;
            }

            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    fields[property.Name] = null;
                    break;
                case JsonValueKind.Number when definition?.Type == FactType.Dollars:
                    fields[property.Name] = value.GetRawText();
                    break;
                case JsonValueKind.True or JsonValueKind.False when definition?.Type == FactType.YesNo:
                    fields[property.Name] = value.ValueKind == JsonValueKind.True ? "true" : "false";
                    break;
                case JsonValueKind.String when definition?.Type is not (FactType.Dollars or FactType.YesNo):
                    fields[property.Name] = value.GetString();
                    break;
                default:
                    errors[prefix + property.Name] = [$"'{property.Name}' must be {Expected(definition)}."];
                    break;
            }
        }

        var read = FromFields(fields, today, prefix);
        foreach (var (field, messages) in read.Errors)
        {
            errors.TryAdd(field, messages);
        }

        return errors.Count > 0 ? new SituationReadResult(null, errors) : read;
    }

    /// <summary>Reads text fields (a form, or JSON already reduced to text). Missing or blank means not given.</summary>
    public static SituationReadResult FromFields(IReadOnlyDictionary<string, string?> fields, DateOnly today, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        string? Get(string field) => fields.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        void Error(string field, string message) => errors[prefix + field] = [message];

        string? Choice(FactDefinition fact)
        {
            var text = Get(fact.Field);
            if (text is null)
            {
                return null;
            }

            if (!fact.Choices.Contains(text))
            {
                Error(fact.Field, $"'{fact.Field}' must be one of: {string.Join(", ", fact.Choices)}; '{text}' is not.");
                return null;
            }

            return text;
        }

        DateOnly? Day(FactDefinition fact)
        {
            var text = Get(fact.Field);
            if (text is null)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Error(fact.Field, $"'{fact.Field}' must be a date written yyyy-mm-dd, such as 2026-11-20; '{text}' is not.");
                return null;
            }

            return day;
        }

        bool? YesNo(FactDefinition fact)
        {
            var text = Get(fact.Field);
            switch (text?.ToLowerInvariant())
            {
                case null:
                    return null;
                case "true" or "yes":
                    return true;
                case "false" or "no":
                    return false;
                default:
                    Error(fact.Field, $"'{fact.Field}' must be true or false; '{text}' is not.");
                    return null;
            }
        }

        var kind = Choice(Facts.All[0]);
        if (kind is null && !errors.ContainsKey(prefix + "kind"))
        {
            Error("kind", $"'kind' is required: say what happened, one of: {string.Join(", ", Facts.All[0].Choices)}.");
        }

        var date = Day(Fact(Facts.Date)) ?? today;
        var direction = Choice(Fact(Facts.Direction));
        var value = Dollars(Get("value"), Error);
        var cash = YesNo(Fact(Facts.CashOrGiftCard));
        var counterpart = Choice(Fact(Facts.Counterpart));
        var supportEnded = Day(Fact(Facts.SupportEnded));
        var relationship = Choice(Fact(Facts.Relationship));
        var impaired = YesNo(Fact(Facts.Impaired));
        var description = Get(DescriptionField);
        if (description is { Length: > MaxDescriptionLength })
        {
            Error(DescriptionField, $"'description' may be at most {MaxDescriptionLength} characters; this one has {description.Length}.");
        }

        if (supportEnded is { } ended && !errors.ContainsKey(prefix + "supportEnded"))
        {
            if (counterpart == Facts.Counterparts.CurrentlySupported)
            {
                Error("supportEnded", "'supportEnded' is for someone formerly supported: support has not ended for someone you support now. Leave it empty, or set 'counterpart' to formerly-supported.");
            }
            else if (ended > date)
            {
                Error("supportEnded", $"'supportEnded' ({ended:yyyy-MM-dd}) is after the situation's date ({date:yyyy-MM-dd}): support must have ended on or before that day.");
            }
        }

        return errors.Count > 0
            ? new SituationReadResult(null, errors)
            : new SituationReadResult(new Situation(kind!, date, direction, value, cash, counterpart, supportEnded, relationship, impaired, description), errors);
    }

    private static decimal? Dollars(string? text, Action<string, string> error)
    {
        if (text is null)
        {
            return null;
        }

        var cleaned = text.TrimStart('$').Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error("value", $"'value' must be an amount in dollars, such as 60 or 59.99; '{text}' is not.");
            return null;
        }

        if (value.Scale > 2 && value != decimal.Round(value, 2))
        {
            error("value", $"'value' is in dollars and cents: at most two decimal places; '{text}' has more.");
            return null;
        }

        if (value > MaxValue)
        {
            error("value", $"'value' must be at most {MaxValue:#,##0} dollars.");
            return null;
        }

        return decimal.Round(value, 2);
    }

    private static FactDefinition Fact(string name) => Facts.Find(name)!;

    private static string Expected(FactDefinition? fact) => fact?.Type switch
    {
        FactType.Dollars => "a number of dollars, such as 60 or 59.99",
        FactType.YesNo => "true or false",
        FactType.Date => "a date written as a string, yyyy-mm-dd",
        FactType.Choice => $"one of: {string.Join(", ", fact.Choices)}",
        _ => "text",
    };
}
