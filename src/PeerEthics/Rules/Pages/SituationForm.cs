using PeerEthics.Web;

namespace PeerEthics.Rules.Pages;

/// <summary>How the situation form asks for each fact, in plain words.</summary>
public static class SituationForm
{
    /// <summary>The fields the form has: every fact. (No free-text description: the page stores nothing, and asks for no names or details.)</summary>
    public static IReadOnlyList<string> Fields { get; } = [.. Facts.All.Select(f => f.Field)];

    /// <summary>Each field's short name, which starts its messages in the error summary ("What it is worth: …").</summary>
    private static readonly Dictionary<string, string> s_summaryLabels = new(StringComparer.Ordinal)
    {
        ["kind"] = "What happened",
        ["date"] = "When",
        ["counterpart"] = "Who the other person is",
        ["supportEnded"] = "The last day you supported them",
        ["direction"] = "Given or received",
        ["value"] = "What it is worth",
        ["cashOrGiftCard"] = "Cash or a gift card",
        ["relationship"] = "The other relationship",
        ["impaired"] = "Under the influence or impaired",
    };

    /// <summary>The id of a field's control: the first choice for the kind, <c>field-{name}</c> for the others.</summary>
    public static string ControlId(string field) => field == "kind" ? $"kind-{Kinds[0].Value}" : $"field-{field}";

    /// <summary>The errors a reading of the form came to, as the shared error summary lists them.</summary>
    public static ErrorSummary Summary(IReadOnlyDictionary<string, string[]> errors) =>
        new([.. errors.Select(e => new FormError(ControlId(e.Key), $"{s_summaryLabels.GetValueOrDefault(e.Key, e.Key)}: {string.Join(" ", e.Value)}"))]);

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
