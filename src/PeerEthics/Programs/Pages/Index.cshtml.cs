using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;

namespace PeerEthics.Programs.Pages;

[Authorize(Policy = Policies.ManagePrograms)]
public sealed class ProgramsIndexModel(ProgramSettingsHistory programs) : PageModel
{
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Programs = await programs.ListAsync(cancellationToken);
}
