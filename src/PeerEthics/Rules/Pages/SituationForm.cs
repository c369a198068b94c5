namespace PeerEthics.Rules.Pages;

/// <summary>How the situation form asks for each fact, in plain words.</summary>
public static class SituationForm
{
    /// <summary>The fields the form has: every fact. (No free-text description: the page stores nothing, and asks for no names or details.)</summary>
    public static IReadOnlyList<string> Fields { get; } = [.. Facts.All.Select(f => f.Field)];

    public static readonly IReadOnlyList<(string Value, string Label)> Kinds =
    [
        (Facts.Kinds.Gift, "A gift"),
        (Facts.Kinds.Loan, "A loan (lending or borrowing money or things)"),
        (Facts.Kinds.Business, "Business together (buying, selling, hiring)"),
        (Facts.Kinds.DualRelationship, "Another relationship with someone (a friend, family, landlord…)"),
        (Facts.Kinds.IntimateRelationship, "A romantic or sexual relationship"),
        (Facts.Kinds.Impairment, "Giving support while under the influence or impaired"),
        (Facts.Kinds.Other, "Something else"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> Counterparts =
    [
        (Facts.Counterparts.CurrentlySupported, "Someone I support now"),
        (Facts.Counterparts.FormerlySupported, "Someone I supported before"),
        (Facts.Counterparts.Colleague, "A colleague"),
        (Facts.Counterparts.SomeoneElse, "Someone else"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> Directions =
    [
        ("given", "I gave it"),
        ("received", "I received it"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> Relationships =
    [
        ("family", "Family"),
        ("friend", "Friend"),
        ("neighbour", "Neighbour"),
        ("landlord-or-tenant", "Landlord or tenant"),
        ("employer-or-employee", "Employer or employee"),
        ("business-partner", "Business partner"),
        ("other", "Something else"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> YesNo =
    [
        ("true", "Yes"),
        ("false", "No"),
    ];

    /// <summary>A class for the outcome's look; the outcome is always also written in words.</summary>
    public static string CssClass(Outcome outcome) => outcome switch
    {
        Outcome.WithinCode => "outcome outcome-within",
        Outcome.NeedsReview => "outcome outcome-review",
        _ => "outcome outcome-against",
    };
}
