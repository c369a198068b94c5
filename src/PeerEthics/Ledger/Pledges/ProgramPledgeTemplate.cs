using PeerEthics.Programs;

namespace PeerEthics.Ledger.Pledges;

/// <summary>
/// One version of a program's signing settings: its own pledge, for codes that print none (Missouri), and whether a
/// signature records the signer's IP address (off by default). Versions are never changed (the DbContext refuses):
/// staff saving new text adds version n + 1, in force from the moment it is saved, and the old text stays. What a
/// person signed is also kept word for word in the ledger, so a change never alters a past commitment.
/// </summary>
public sealed class ProgramPledgeTemplate
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public CredentialProgram Program { get; set; } = null!;

    /// <summary>1, 2, 3… within the program; the highest is in force.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The text, with <see cref="PledgeTemplate.Placeholders"/>.</summary>
    public required string Text { get; set; }

    /// <summary>Whether a commitment to this program records the signer's IP address. Off unless the program turns it on.</summary>
    public bool RecordIpAddress { get; set; }

    /// <summary>When this version was saved (it is in force from then).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who saved it: the account's email or name.</summary>
    public string? UpdatedBy { get; set; }
}
