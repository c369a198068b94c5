using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;

namespace PeerEthics.Campaigns.Pages;

/// <summary><c>/staff/campaigns</c>: every re-commitment campaign, the newest first, with its totals.</summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class CampaignsModel(CampaignDashboard dashboard) : PageModel
{
    public IReadOnlyList<CampaignSummary> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Campaigns = await dashboard.ListAsync(cancellationToken);
}
