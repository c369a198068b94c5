using System.Globalization;

namespace PeerEthics.Rules;

/// <summary>What kind of value a fact holds.</summary>
public enum FactType
{
    /// <summary>One of a fixed list of words (<see cref="FactDefinition.Choices"/>).</summary>
    Choice,

    /// <summary>An amount in U.S. dollars, to the cent.</summary>
    Dollars,

    /// <summary>true or false.</summary>
    YesNo,

    /// <summary>A calendar day, yyyy-mm-dd.</summary>
    Date,
}

/// <summary>
/// One fact a situation can state and a rule can read. <see cref="Name"/> is how rule files spell it
/// (kebab-case), <see cref="Field"/> how JSON and forms spell it (camelCase).
/// </summary>
public sealed record FactDefinition(string Name, string Field, FactType Type, string Meaning, IReadOnlyList<string> Choices)
{
    public string Describe(object? value) => value switch
    {
        null => "not given",
        decimal d => d.ToString("$#,##0.00", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>The facts of a situation: the whole vocabulary rule files may use (docs/rules.md lists them).</summary>
public static class Facts
{
    public const string Kind = "kind";
    public const string Date = "date";
    public const string Direction = "direction";
    public const string Value = "value";
    public const string CashOrGiftCard = "cash-or-gift-card";
    public const string Counterpart = "counterpart";
    public const string SupportEnded = "support-ended";
    public const string Relationship = "relationship";
    public const string Impaired = "impaired";

    public static class Kinds
    {
        public const string Gift = "gift";
        public const string Loan = "loan";
        public const string Business = "business";
        public const string DualRelationship = "dual-relationship";
        public const string IntimateRelationship = "intimate-relationship";
        public const string Impairment = "impairment";
        public const string Other = "other";
    }

    public static class Counterparts
    {
        public const string CurrentlySupported = "currently-supported";
        public const string FormerlySupported = "formerly-supported";
        public const string Colleague = "colleague";
        public const string SomeoneElse = "someone-else";
    }

    public static readonly IReadOnlyList<FactDefinition> All =
    [
        new(Kind, "kind", FactType.Choice, "What happened, or what the person is thinking of doing.",
            [Kinds.Gift, Kinds.Loan, Kinds.Business, Kinds.DualRelationship, Kinds.IntimateRelationship, Kinds.Impairment, Kinds.Other]),
        new(Date, "date", FactType.Date, "The day it happened or would happen (today when not given).", []),
        new(Direction, "direction", FactType.Choice, "For a gift or a loan: did the specialist give it, or receive it?", ["given", "received"]),
        new(Value, "value", FactType.Dollars, "For a gift or a loan: what it is worth, in dollars.", []),
        new(CashOrGiftCard, "cashOrGiftCard", FactType.YesNo, "For a gift: is it cash or a gift card?", []),
        new(Counterpart, "counterpart", FactType.Choice, "Who the other person is to the specialist.",
            [Counterparts.CurrentlySupported, Counterparts.FormerlySupported, Counterparts.Colleague, Counterparts.SomeoneElse]),
        new(SupportEnded, "supportEnded", FactType.Date, "For someone formerly supported: the last day the specialist supported them.", []),
        new(Relationship, "relationship", FactType.Choice, "For a dual relationship: what the other relationship is.",
            ["family", "friend", "neighbour", "landlord-or-tenant", "employer-or-employee", "business-partner", "other"]),
        new(Impaired, "impaired", FactType.YesNo, "For impairment: was (or would) the specialist be under the influence of alcohol or impaired by any substance, prescribed or not?", []),
    ];

    public static FactDefinition? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// The ethical themes (ids in content/themes.yaml) each kind of situation touches. A principle with one
    /// of these themes applies to the situation; if no rule reads it, the evaluation lists it as
    /// "applies, cannot be checked by rule".
    /// </summary>
    public static IReadOnlyList<string> ThemesOf(string kind) => kind switch
    {
        Kinds.Gift => ["gifts-loans-business"],
        Kinds.Loan => ["gifts-loans-business", "exploitation"],
        Kinds.Business => ["gifts-loans-business", "dual-relationships", "exploitation"],
        Kinds.DualRelationship => ["dual-relationships"],
        Kinds.IntimateRelationship => ["sexual-intimate-relationships", "exploitation", "dual-relationships"],
        Kinds.Impairment => ["impairment", "personal-conduct"],
        _ => [],
    };
}
