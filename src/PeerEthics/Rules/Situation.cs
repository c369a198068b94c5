namespace PeerEthics.Rules;

/// <summary>
/// A situation to check against a code's rules: what happened (or is being considered), with whom, when.
/// Unknown facts stay null: a rule that needs one says so ("needs review") rather than guessing. A
/// disclosure is turned into one of these to be evaluated.
/// </summary>
public sealed record Situation(
    string Kind,
    DateOnly Date,
    string? Direction = null,
    decimal? Value = null,
    bool? CashOrGiftCard = null,
    string? Counterpart = null,
    DateOnly? SupportEnded = null,
    string? Relationship = null,
    bool? Impaired = null,
    string? Description = null)
{
    /// <summary>The value of a fact by its rule-file name (see <see cref="Facts"/>), or null when not given.</summary>
    public object? Fact(string name) => name switch
    {
        Facts.Kind => Kind,
        Facts.Date => Date,
        Facts.Direction => Direction,
        Facts.Value => Value,
        Facts.CashOrGiftCard => CashOrGiftCard,
        Facts.Counterpart => Counterpart,
        Facts.SupportEnded => SupportEnded,
        Facts.Relationship => Relationship,
        Facts.Impaired => Impaired,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "There is no such fact."),
    };
}
