namespace PeerEthics.People;

/// <summary>
/// A person known to a program: a trainee, a specialist, or someone who was one. Sensitive: every read of a record
/// by staff is audited, and only the person themself (through a linked account) sees it otherwise.
/// </summary>
public sealed class Person
{
    public int Id { get; set; }

    public required string LegalName { get; set; }

    /// <summary>The name the person goes by, used wherever they are addressed.</summary>
    public string? PreferredName { get; set; }

    /// <summary>The legal and preferred names, lower case without accents, for prefix search through an index.</summary>
    public string SearchName { get; set; } = "";

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? PostalAddress { get; set; }

    /// <summary>The account the person signs in with, when they have one (at most one person per account).</summary>
    public string? UserId { get; set; }

    public int? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public int? SupervisorId { get; set; }

    public Supervisor? Supervisor { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Credential> Credentials { get; set; } = [];

    public string DisplayName => PreferredName ?? LegalName;
}

/// <summary>An employer of peer specialists.</summary>
public sealed class Organisation
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

/// <summary>A person who supervises specialists at work (the later disclosures work routes to them).</summary>
public sealed class Supervisor
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public int? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    /// <summary>The supervisor's account, when they have one.</summary>
    public string? UserId { get; set; }
}
