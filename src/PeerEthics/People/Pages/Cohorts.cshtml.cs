using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;

namespace PeerEthics.People.Pages;

[Authorize(Policy = Policies.ManagePeople)]
public sealed class CohortsModel(CohortRoster roster) : PageModel
{
    public IReadOnlyList<CohortSummary> Cohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cohorts = await roster.SummariesAsync(cancellationToken);
}
