using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Programs;

namespace PeerEthics.ContinuingEducation;

/// <summary>What a renewal needs, checked for one credential and its current cycle.</summary>
public sealed record RenewalContext(CredentialView Credential, ProgramSettingsView Settings, CeProgress Progress, DateOnly Today);

/// <summary>One requirement, met or not, with what is missing in plain words.</summary>
public sealed record RequirementCheck(string Key, string Name, bool Met, string Detail);

/// <summary>
/// A renewal requirement. The extension point for requirements other features add: register another
/// implementation (e.g. "a current signed commitment to the code version in force", from the commitments work)
/// with <c>services.AddScoped&lt;IRenewalRequirement, …&gt;()</c>; applications and approvals check them all.
/// </summary>
public interface IRenewalRequirement
{
    Task<RequirementCheck> CheckAsync(RenewalContext context, CancellationToken cancellationToken);
}

/// <summary>The cycle's continuing-education hours, approved.</summary>
public sealed class CeHoursRequirement : IRenewalRequirement
{
    public Task<RequirementCheck> CheckAsync(RenewalContext context, CancellationToken cancellationToken)
    {
        var p = context.Progress;
        return Task.FromResult(new RequirementCheck("ceHours", "Continuing-education hours", p.HoursMet, p.HoursMet
            ? $"{FormValues.Hours(p.ApprovedHours)} of {FormValues.Hours(p.RequiredHours)} hours approved."
            : $"{FormValues.Hours(p.ApprovedHours)} of {FormValues.Hours(p.RequiredHours)} hours approved: {FormValues.Hours(p.HoursMissing)} more needed{(p.PendingHours > 0 ? $" ({FormValues.Hours(p.PendingHours)} waiting for review)" : "")}."));
    }
}

/// <summary>The cycle's ethics hours, approved.</summary>
public sealed class EthicsHoursRequirement : IRenewalRequirement
{
    public Task<RequirementCheck> CheckAsync(RenewalContext context, CancellationToken cancellationToken)
    {
        var p = context.Progress;
        return Task.FromResult(new RequirementCheck("ethicsHours", "Ethics hours", p.EthicsMet, p.EthicsMet
            ? $"{FormValues.Hours(p.ApprovedEthicsHours)} of {FormValues.Hours(p.RequiredEthicsHours)} ethics hours approved."
            : $"{FormValues.Hours(p.ApprovedEthicsHours)} of {FormValues.Hours(p.RequiredEthicsHours)} ethics hours approved: {FormValues.Hours(p.EthicsMissing)} more needed{(p.PendingEthicsHours > 0 ? $" ({FormValues.Hours(p.PendingEthicsHours)} waiting for review)" : "")}."));
    }
}
