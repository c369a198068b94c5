namespace PeerEthics.People;

public sealed record StatusChangeView(CredentialStatus? From, CredentialStatus To, DateTimeOffset At, string? ChangedByName, string Reason);

/// <summary>A credential as pages and the API show it, with where it stands on a given day.</summary>
public sealed record CredentialView(
    int Id,
    int PersonId,
    int ProgramId,
    string ProgramSlug,
    string ProgramName,
    string? Number,
    CredentialStatus Status,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    DateOnly? GraceEndsOn,
    DateOnly? EligibleSince,
    int Version,
    IReadOnlyList<StatusChangeView> History)
{
    /// <summary>A sentence about the dates, for pages.</summary>
    public string Standing(DateOnly today) => (Status, ExpiresOn) switch
    {
        (CredentialStatus.Certified, { } e) when today <= e => $"Current until {Web.Display.Date(e)}.",
        (CredentialStatus.Certified, { } e) => $"Expired on {Web.Display.Date(e)}; in the grace period until {(GraceEndsOn is { } g ? Web.Display.Date(g) : "the end of the grace period")}. Renew to stay certified.",
        (CredentialStatus.Trainee, _) when EligibleSince is { } since => $"Completed training on {Web.Display.Date(since)}: eligible for certification.",
        (CredentialStatus.Trainee, _) => "In training.",
        (_, { } e) => $"{Status.Describe()}. The last cycle ended on {Web.Display.Date(e)}.",
        _ => $"{Status.Describe()}.",
    };
}

public sealed record PersonSummary(int Id, string LegalName, string? PreferredName, string? OrganisationName, IReadOnlyList<(string Program, string? Number, CredentialStatus Status)> Credentials);

public sealed record PersonView(
    int Id,
    string LegalName,
    string? PreferredName,
    string? Email,
    string? Phone,
    string? PostalAddress,
    int? OrganisationId,
    string? OrganisationName,
    int? SupervisorId,
    string? SupervisorName,
    string? UserId,
    string? UserEmail,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CredentialView> Credentials)
{
    public string DisplayName => PreferredName ?? LegalName;
}
