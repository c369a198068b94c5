using System.Globalization;
using System.Text.Json;
using PeerEthics.People.Forms;
using PeerEthics.Rules;
using PeerEthics.Web;

namespace PeerEthics.Disclosures;

/// <summary>A disclosure's facts as a situation, or why they cannot be read, field by field.</summary>
public sealed record DisclosureRead(Situation? Situation, FieldErrors Errors);

/// <summary>
/// Reads a disclosure from form fields or JSON (the same camelCase names as a situation, samples/situations/README.md)
/// with the rules a disclosure adds to a situation's: what each kind must say, no date in the future, a value not
/// below zero and in cents, the last day of support for a relationship with someone supported before. Every message
/// names the field and the rule; nothing is stored here.
/// </summary>
public static class DisclosureReader
{
    public const int MaxDescriptionLength = SituationReader.MaxDescriptionLength;

    /// <summary>The fields in the order the form shows them (and errors are listed).</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["kind", "date", "counterpart", "supportEnded", "direction", "value", "cashOrGiftCard", "relationship", "impaired", "description"];

    /// <summary>Which facts each kind of disclosure must give, beyond the kind.</summary>
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        [Facts.Kinds.Gift] = ["counterpart", "direction", "value", "cashOrGiftCard"],
        [Facts.Kinds.Loan] = ["counterpart", "direction", "value"],
        [Facts.Kinds.Business] = ["counterpart"],
        [Facts.Kinds.DualRelationship] = ["counterpart", "relationship"],
        [Facts.Kinds.IntimateRelationship] = ["counterpart"],
        [Facts.Kinds.Impairment] = ["impaired"],
        [Facts.Kinds.Other] = ["description"],
    };

    public static DisclosureRead FromFields(IReadOnlyDictionary<string, string?> fields, DateOnly today)
    {
        var errors = new FieldErrors();
        string? Get(string field) => fields.TryGetValue(field, out var v) ? FormValues.Clean(v) : null;

        var kind = Choice(Get("kind"), "kind", Facts.Kinds.Gift, errors);
        if (kind is null && !errors.Has("kind"))
        {
            errors.Add("kind", "Choose what happened: a gift, a loan, business, another relationship, a romantic or sexual relationship, support while impaired, or something else.");
        }

        var date = Day(Get("date"), "date", "the day it happened", errors);
        if (date > today)
        {
            errors.Add("date", $"The day it happened cannot be in the future (today is {Display.Date(today)}). To ask about something you are thinking of doing, use the check on this page without sending.");
        }

        var counterpart = Choice(Get("counterpart"), "counterpart", Facts.Counterparts.CurrentlySupported, errors);
        var supportEnded = Day(Get("supportEnded"), "supportEnded", "the last day you supported them", errors);
        if (supportEnded is { } ended && !errors.Has("supportEnded"))
        {
            if (counterpart == Facts.Counterparts.CurrentlySupported)
            {
                errors.Add("supportEnded", "The last day you supported them is for someone you supported before; you still support this person. Leave it empty, or choose \"Someone I supported before\".");
            }
            else if (ended > today)
            {
                errors.Add("supportEnded", $"The last day you supported them cannot be in the future (today is {Display.Date(today)}).");
            }
            else if (date is { } day && ended > day)
            {
                errors.Add("supportEnded", $"The last day you supported them ({Display.Date(ended)}) is after the day it happened ({Display.Date(day)}); support must have ended on or before that day.");
            }
        }

        Choice(Get("direction"), "direction", "given", errors);
        Dollars(Get("value"), errors);
        YesNo(Get("cashOrGiftCard"), "cashOrGiftCard", "Whether it is cash or a gift card", errors);
        Choice(Get("relationship"), "relationship", "family", errors);
        YesNo(Get("impaired"), "impaired", "Whether you were under the influence or impaired", errors);
        var description = Get("description");
        if (description is { Length: > MaxDescriptionLength })
        {
            errors.Add("description", $"What you write in your own words can be at most {MaxDescriptionLength} characters; this has {description.Length}.");
        }

        if (kind is not null)
        {
            foreach (var field in Required[kind].Where(f => Get(f) is null && !errors.Has(f)))
            {
                errors.Add(field, Missing(field, kind));
            }

            if (kind == Facts.Kinds.IntimateRelationship && counterpart == Facts.Counterparts.FormerlySupported && supportEnded is null && !errors.Has("supportEnded"))
            {
                errors.Add("supportEnded", "Enter the last day you supported them: whether the relationship is within the code depends on how long ago support ended.");
            }
        }

        if (errors.Any)
        {
            return new DisclosureRead(null, Ordered(errors));
        }

        // The situation's own reader builds it (and would catch anything the rules above let through).
        var read = SituationReader.FromFields(fields, today);
        foreach (var (field, messages) in read.Errors)
        {
            errors.Add(field, string.Join(" ", messages));
        }

        return new DisclosureRead(read.Situation, errors);
    }

    /// <summary>Reads a JSON object: numbers, true/false and strings become the form's text, then the same rules apply.</summary>
    public static DisclosureRead FromJson(JsonElement json, DateOnly today)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return new DisclosureRead(null, FieldErrors.One("body", "Send a JSON object, such as {\"kind\": \"gift\", \"direction\": \"received\", \"value\": 60, \"cashOrGiftCard\": false, \"counterpart\": \"currently-supported\"}."));
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        var errors = new FieldErrors();
        foreach (var property in json.EnumerateObject())
        {
            if (!Fields.Contains(property.Name))
            {
                errors.Add(property.Name, $"'{property.Name}' is not a field of a disclosure. The fields are: {string.Join(", ", Fields)}.");
                continue;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Null:
                    break;
                case JsonValueKind.String:
                    fields[property.Name] = property.Value.GetString();
                    break;
                case JsonValueKind.Number:
                    fields[property.Name] = property.Value.GetRawText();
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    fields[property.Name] = property.Value.ValueKind == JsonValueKind.True ? "true" : "false";
                    break;
                default:
                    errors.Add(property.Name, $"'{property.Name}' must be a string, a number or true/false, not {property.Value.ValueKind.ToString().ToLowerInvariant()}.");
                    break;
            }
        }

        var read = FromFields(fields, today);
        if (!errors.Any)
        {
            return read;
        }

        foreach (var (field, message) in read.Errors.All.Where(e => !errors.Has(e.Field)))
        {
            errors.Add(field, message);
        }

        return new DisclosureRead(null, errors);
    }

    private static FieldErrors Ordered(FieldErrors errors)
    {
        var ordered = new FieldErrors();
        foreach (var (field, message) in errors.All.OrderBy(e => Fields.Contains(e.Field) ? Fields.TakeWhile(f => f != e.Field).Count() : int.MaxValue))
        {
            ordered.Add(field, message);
        }

        return ordered;
    }

    private static string Missing(string field, string kind) => field switch
    {
        "counterpart" => $"Choose who the other person is to you: {KindText(kind)} is judged by who it is with.",
        "direction" => $"Choose whether you gave {(kind == Facts.Kinds.Loan ? "the loan (lent)" : "the gift")} or received it.",
        "value" => $"Enter what {(kind == Facts.Kinds.Loan ? "the loan" : "the gift")} is worth, in dollars, such as 60 or 59.99 (0 if it has no money value).",
        "cashOrGiftCard" => "Choose whether the gift is cash or a gift card, yes or no: cash and gift cards can count whatever the amount.",
        "relationship" => "Choose what the other relationship is: family, a friend, a neighbour, a landlord or tenant, an employer or employee, a business partner, or something else.",
        "impaired" => "Choose whether you were under the influence of alcohol or impaired by any substance (prescribed or not), yes or no.",
        "description" => "Describe what happened in your own words: for \"something else\" there is nothing else to go on.",
        _ => $"Enter {field}.",
    };

    private static string KindText(string kind) => kind switch
    {
        Facts.Kinds.Gift => "a gift",
        Facts.Kinds.Loan => "a loan",
        Facts.Kinds.Business => "business",
        Facts.Kinds.DualRelationship => "another relationship",
        _ => "a relationship",
    };

    private static string? Choice(string? text, string field, string example, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        var fact = Facts.All.First(f => f.Field == field);
        if (fact.Choices.Contains(text))
        {
            return text;
        }

        errors.Add(field, $"'{field}' must be one of: {string.Join(", ", fact.Choices)} (such as {example}); '{text}' is not.");
        return null;
    }

    private static DateOnly? Day(string? text, string field, string label, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, $"Enter {label} as a real date, year-month-day, such as 2026-11-20; '{text}' is not one.");
        return null;
    }

    private static void YesNo(string? text, string field, string label, FieldErrors errors)
    {
        if (text is not null && text.ToLowerInvariant() is not ("true" or "false" or "yes" or "no"))
        {
            errors.Add(field, $"{label} must be yes or no (true or false); '{text}' is not.");
        }
    }

    private static void Dollars(string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return;
        }

        var cleaned = text.TrimStart('$').Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add("value", $"What it is worth must be an amount in dollars, such as 60 or 59.99; '{text}' is not.");
        }
        else if (value < 0)
        {
            errors.Add("value", "What it is worth cannot be below zero: enter 0 or more, such as 60 or 59.99.");
        }
        else if (value != decimal.Round(value, 2))
        {
            errors.Add("value", $"What it is worth is in dollars and cents: at most two decimal places; '{text}' has more.");
        }
        else if (value > SituationReader.MaxValue)
        {
            errors.Add("value", $"What it is worth can be at most {SituationReader.MaxValue.ToString("#,##0", CultureInfo.InvariantCulture)} dollars.");
        }
    }
}
