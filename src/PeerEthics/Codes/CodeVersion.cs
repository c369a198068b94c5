namespace PeerEthics.Codes;

/// <summary>
/// One published version of a code. Immutable once saved (the DbContext refuses changes): anything a
/// person signed or a rule cited must stay exactly as it was.
/// </summary>
public sealed class CodeVersion
{
    public int Id { get; set; }

    public int CodeId { get; set; }

    public Code Code { get; set; } = null!;

    /// <summary>1, 2, 3… within the code, in order of publication.</summary>
    public int Number { get; set; }

    /// <summary>The day the version comes into force.</summary>
    public DateOnly EffectiveDate { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="CanonicalText"/>.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The document exactly as imported.</summary>
    public required string SourceText { get; set; }

    public required string CanonicalText { get; set; }

    public required string Title { get; set; }

    public string? Issuer { get; set; }

    /// <summary>The whole parsed document (preamble, sections, pledge, revisions, other text, warnings) as JSON.</summary>
    public required string DocumentJson { get; set; }

    public List<Principle> Principles { get; set; } = [];
}
