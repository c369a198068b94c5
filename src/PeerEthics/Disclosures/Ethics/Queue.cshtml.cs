using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;

namespace PeerEthics.Disclosures.Ethics;

/// <summary><c>/ethics/disclosures</c>: for the program's ethics staff, those waiting for them (referred, or with no supervisor), then all others.</summary>
[Authorize(Policy = Policies.EthicsStaff)]
public sealed class EthicsQueueModel(DisclosureAccess access) : PageModel
{
    public IReadOnlyList<DisclosureSummary> Waiting { get; private set; } = [];

    public IReadOnlyList<DisclosureSummary> Others { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await access.ListForEthicsStaffAsync(cancellationToken);
        Waiting = [.. all.Where(d => d.Status == DisclosureStatus.WithEthicsStaff)];
        Others = [.. all.Where(d => d.Status != DisclosureStatus.WithEthicsStaff)];
    }
}
