namespace PeerEthics.Codes;

/// <summary>One principle of a code version, in document order.</summary>
public sealed class Principle
{
    public int Id { get; set; }

    public int CodeVersionId { get; set; }

    public CodeVersion CodeVersion { get; set; } = null!;

    /// <summary>Position in the document, from 1.</summary>
    public int Ordinal { get; set; }

    /// <summary>The label as printed ("13.", "I – b."), or synthesized for bullets.</summary>
    public required string Label { get; set; }

    public bool LabelSynthesized { get; set; }

    public required string Text { get; set; }

    public string? Section { get; set; }

    public string? LeadIn { get; set; }

    public string? Parent { get; set; }
}
