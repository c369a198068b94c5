namespace PeerEthics.People;

public sealed record StatusChangeJson(string? From, string To, DateTimeOffset At, string? ChangedBy, string Reason);

public sealed record CredentialJson(
    int Id, string Program, string? Number, string Status, DateOnly? IssuedOn, DateOnly? ExpiresOn, DateOnly? GraceEndsOn,
    DateOnly? EligibleSince, int Version, IReadOnlyList<StatusChangeJson> History)
{
    public static CredentialJson From(CredentialView c) => new(
        c.Id, c.ProgramSlug, c.Number, c.Status.Name(), c.IssuedOn, c.ExpiresOn, c.GraceEndsOn, c.EligibleSince, c.Version,
        [.. c.History.Select(h => new StatusChangeJson(h.From?.Name(), h.To.Name(), h.At, h.ChangedByName, h.Reason))]);
}

public sealed record CredentialBriefJson(string Program, string? Number, string Status);

public sealed record PersonSummaryJson(int Id, string LegalName, string? PreferredName, string? Organisation, IReadOnlyList<CredentialBriefJson> Credentials)
{
    public static PersonSummaryJson From(PersonSummary p) => new(p.Id, p.LegalName, p.PreferredName, p.OrganisationName,
        [.. p.Credentials.Select(c => new CredentialBriefJson(c.Program, c.Number, c.Status.Name()))]);
}

/// <summary>
/// A person's record. <c>CommitmentsDue</c> lists new code versions of open re-commitment campaigns they have not signed
/// (state pending or overdue); <c>CommitmentOverdue</c> is true when one is overdue.
/// </summary>
public sealed record PersonJson(
    int Id, string LegalName, string? PreferredName, string? Email, string? Phone, string? PostalAddress,
    int? OrganisationId, string? Organisation, int? SupervisorId, string? Supervisor, string? AccountEmail, IReadOnlyList<CredentialJson> Credentials,
    bool CommitmentOverdue, IReadOnlyList<Campaigns.CommitmentDueJson> CommitmentsDue)
{
    public static PersonJson From(PersonView p, IReadOnlyList<Campaigns.PersonCampaign> due) => new(p.Id, p.LegalName, p.PreferredName, p.Email, p.Phone, p.PostalAddress,
        p.OrganisationId, p.OrganisationName, p.SupervisorId, p.SupervisorName, p.UserEmail, [.. p.Credentials.Select(CredentialJson.From)],
        due.Any(c => c.State == Campaigns.SignatureState.Overdue), [.. due.Select(Campaigns.CommitmentDueJson.From)]);
}

public sealed record NamedJson(int Id, string Name, string? Organisation = null);

public sealed record OrganisationInput(string? Name, string? Email, string? Phone);

public sealed record SupervisorInput(string? Name, string? Email, string? Phone, int? OrganisationId);

/// <summary>The account a supervisor signs in with, by its email (blank: none).</summary>
public sealed record SupervisorAccountInput(string? UserEmail);

public sealed record EnrolInput(int? PersonId);

public sealed record CompleteCohortInput(IReadOnlyList<int>? DidNotFinish);
