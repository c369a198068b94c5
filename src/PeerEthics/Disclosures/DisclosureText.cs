using PeerEthics.Rules;
using PeerEthics.Rules.Pages;

namespace PeerEthics.Disclosures;

/// <summary>How a disclosure's facts read on a page, in plain words.</summary>
public static class DisclosureText
{
    public static string Kind(string kind) => Label(SituationForm.Kinds, kind);

    public static string Counterpart(string? counterpart) => counterpart switch
    {
        Facts.Counterparts.CurrentlySupported => "Someone supported now",
        Facts.Counterparts.FormerlySupported => "Someone supported before",
        Facts.Counterparts.Colleague => "A colleague",
        Facts.Counterparts.SomeoneElse => "Someone else",
        _ => "Not given",
    };

    public static string Direction(string? direction) => direction switch
    {
        "given" => "Given",
        "received" => "Received",
        _ => "Not given",
    };

    public static string Relationship(string? relationship) => relationship is null ? "Not given" : Label(SituationForm.Relationships, relationship);

    public static string YesNo(bool? value) => value switch
    {
        true => "Yes",
        false => "No",
        null => "Not given",
    };

    public static string Money(decimal? value) => new FactDefinition("value", "value", FactType.Dollars, "", []).Describe(value);

    /// <summary>The facts a disclosure gives, label and value, leaving out those not given.</summary>
    public static IReadOnlyList<(string Label, string Value)> FactList(Situation s)
    {
        var facts = new List<(string, string)> { ("What happened", Kind(s.Kind)), ("When", Web.Display.Date(s.Date)) };
        if (s.Counterpart is not null)
        {
            facts.Add(("Who the other person is", Counterpart(s.Counterpart)));
        }

        if (s.SupportEnded is { } ended)
        {
            facts.Add(("Last day of support", Web.Display.Date(ended)));
        }

        if (s.Direction is not null)
        {
            facts.Add(("Given or received", Direction(s.Direction)));
        }

        if (s.Value is not null)
        {
            facts.Add(("What it is worth", Money(s.Value)));
        }

        if (s.CashOrGiftCard is not null)
        {
            facts.Add(("Cash or a gift card", YesNo(s.CashOrGiftCard)));
        }

        if (s.Relationship is not null)
        {
            facts.Add(("The other relationship", Relationship(s.Relationship)));
        }

        if (s.Impaired is not null)
        {
            facts.Add(("Under the influence or impaired", YesNo(s.Impaired)));
        }

        return facts;
    }

    private static string Label(IReadOnlyList<(string Value, string Label)> choices, string value) =>
        choices.FirstOrDefault(c => c.Value == value).Label ?? value;
}
