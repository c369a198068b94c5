using PeerEthics.People;

namespace PeerEthics.ContinuingEducation;

public sealed record CeActivityJson(
    int Id, int CredentialId, string Program, string Title, string Provider, DateOnly CompletedOn, decimal Hours, decimal EthicsHours,
    string? EvidenceFileName, string Decision, string? DecisionReason, DateTimeOffset? DecidedAt)
{
    public static CeActivityJson From(CeActivityView a) => new(a.Id, a.CredentialId, a.ProgramSlug, a.Title, a.Provider, a.CompletedOn, a.Hours, a.EthicsHours,
        a.EvidenceFileName, a.Decision.ToString().ToLowerInvariant(), a.DecisionReason, a.DecidedAt);
}

public sealed record CeProgressJson(DateOnly CycleStart, DateOnly CycleEnd, decimal RequiredHours, decimal RequiredEthicsHours, decimal ApprovedHours, decimal ApprovedEthicsHours, decimal PendingHours, decimal PendingEthicsHours)
{
    public static CeProgressJson? From(CeProgress? p) => p is null ? null
        : new(p.CycleStart, p.CycleEnd, p.RequiredHours, p.RequiredEthicsHours, p.ApprovedHours, p.ApprovedEthicsHours, p.PendingHours, p.PendingEthicsHours);
}

public sealed record CreditsJson(int CredentialId, CeProgressJson? Progress, IReadOnlyList<CeActivityJson> Activities);

public sealed record RenewalJson(
    int CredentialId, string Status, DateOnly? ExpiresOn, DateOnly? WindowOpensOn, DateOnly? WindowClosesOn, bool WindowOpen, bool CanApply, string? WhyNot,
    IReadOnlyList<RequirementCheck> Requirements, string? Application, string? ApplicationReason, DateOnly? NewExpiresOn)
{
    public static RenewalJson From(RenewalAssessment a, DateOnly today) => new(
        a.Credential.Id, a.Credential.Status.Name(), a.Credential.ExpiresOn, a.WindowOpensOn, a.WindowClosesOn, a.WindowOpen, a.CanApply, a.WhyNot(today),
        a.Checks, a.Application?.State.ToString().ToLowerInvariant(), a.Application?.Reason, a.Application?.NewExpiresOn);
}

public sealed record PendingRenewalJson(int Id, int PersonId, string Person, string Program, DateOnly CycleExpiresOn, DateTimeOffset SubmittedAt);
