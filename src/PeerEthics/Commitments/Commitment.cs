using PeerEthics.Codes;
using PeerEthics.People;
using PeerEthics.Programs;

namespace PeerEthics.Commitments;

/// <summary>
/// The relational index of a signed commitment: which person signed which code version for which program, so "has
/// this person signed the version in force" is one indexed query. What was signed (the pledge, the typed name, how
/// they authenticated) is in the ledger entry with the same <see cref="CommitmentId"/>; this row only finds it.
/// One per person, program and code version (a unique index), so a second signature of the same version cannot
/// be recorded, even by two requests at once.
/// </summary>
public sealed class Commitment
{
    public long Id { get; set; }

    /// <summary>The ledger's commitment id (a GUID, the key of the public verification page).</summary>
    public required string CommitmentId { get; set; }

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public int ProgramId { get; set; }

    public CredentialProgram Program { get; set; } = null!;

    public int CodeVersionId { get; set; }

    public CodeVersion CodeVersion { get; set; } = null!;

    /// <summary>The credential the commitment was signed under, when it was not for a cohort.</summary>
    public int? CredentialId { get; set; }

    /// <summary>The training cohort a trainee signed before, when it was for one.</summary>
    public int? CohortId { get; set; }

    /// <summary>The server's time of signing (UTC), as in the ledger entry.</summary>
    public DateTimeOffset SignedAt { get; set; }
}
