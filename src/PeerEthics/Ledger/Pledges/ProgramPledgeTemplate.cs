using PeerEthics.Programs;

namespace PeerEthics.Ledger.Pledges;

/// <summary>
/// A program's own pledge, for codes that print none (Missouri). Staff may change it; what a person signed
/// is kept word for word in the ledger, so a change never alters a past commitment.
/// </summary>
public sealed class ProgramPledgeTemplate
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public CredentialProgram Program { get; set; } = null!;

    /// <summary>The text, with <see cref="PledgeTemplate.Placeholders"/>.</summary>
    public required string Text { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
