using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;

namespace PeerEthics.Disclosures.Supervision;

/// <summary><c>/supervision/disclosures</c>: the disclosures sent to the signed-in supervisor (their linked supervisor record).</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class SupervisionQueueModel(DisclosureAccess access) : PageModel
{
    public bool Linked { get; private set; }

    public IReadOnlyList<DisclosureSummary> Waiting { get; private set; } = [];

    public IReadOnlyList<DisclosureSummary> Others { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var supervisorIds = await access.SupervisorIdsOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        Linked = supervisorIds.Count > 0;
        if (Linked)
        {
            var all = await access.ListForSupervisorAsync(supervisorIds, cancellationToken);
            Waiting = [.. all.Where(d => d.Status == DisclosureStatus.AwaitingSupervisor)];
            Others = [.. all.Where(d => d.Status != DisclosureStatus.AwaitingSupervisor)];
        }
    }
}
