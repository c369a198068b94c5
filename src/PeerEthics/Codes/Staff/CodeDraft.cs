using PeerEthics.Programs;

namespace PeerEthics.Codes.Staff;

/// <summary>
/// A code document as a staff member submitted it, kept before anything is published: nothing a person
/// submitted is lost, whether it turns out publishable or not. Publishing makes a <see cref="CodeVersion"/>
/// from it; the draft stays, and <see cref="ContentHash"/> tells which version it became.
/// </summary>
public sealed class CodeDraft
{
    /// <summary>Version 7 (time-ordered), so the audit entry can name the draft before it is saved.</summary>
    public Guid Id { get; set; }

    public int ProgramId { get; set; }

    public CredentialProgram Program { get; set; } = null!;

    /// <summary>The document exactly as submitted.</summary>
    public required string SourceText { get; set; }

    /// <summary>The uploaded file's name, or null when the text was pasted.</summary>
    public string? FileName { get; set; }

    /// <summary>The SHA-256 a version of this text would have (<see cref="Import.CodeText.Hash"/>).</summary>
    public required string ContentHash { get; set; }

    /// <summary>The account id of the person who submitted it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>What that person was known as (an email), for people reading the list.</summary>
    public string? CreatedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
