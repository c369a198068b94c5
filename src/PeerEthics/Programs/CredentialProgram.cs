using PeerEthics.Codes;

namespace PeerEthics.Programs;

/// <summary>A certification program (Massachusetts CPS, Missouri CMPS) and the code of ethics it binds people to.</summary>
public sealed class CredentialProgram
{
    public int Id { get; set; }

    /// <summary>URL and command-line name, e.g. <c>massachusetts-cps</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public int CodeId { get; set; }

    public Code Code { get; set; } = null!;

    /// <summary>Every version of the program's renewal and credential settings, old ones kept.</summary>
    public List<ProgramSettings> Settings { get; set; } = [];
}
