using PeerEthics.Programs;

namespace PeerEthics.Codes;

/// <summary>A code of ethics: a sequence of immutable published versions.</summary>
public sealed class Code
{
    public int Id { get; set; }

    /// <summary>URL and command-line name, e.g. <c>massachusetts-cps</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>The title of the newest version, kept here for lists.</summary>
    public required string Title { get; set; }

    public List<CodeVersion> Versions { get; set; } = [];

    public List<CredentialProgram> Programs { get; set; } = [];
}
