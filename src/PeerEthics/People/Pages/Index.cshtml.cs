using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;

namespace PeerEthics.People.Pages;

[Authorize(Policy = Policies.ManagePeople)]
public sealed class PeopleIndexModel(PeopleDirectory people) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<PersonSummary> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => People = await people.SearchAsync(Q, cancellationToken);
}
