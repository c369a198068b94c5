using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.ContinuingEducation;
using PeerEthics.People;

namespace PeerEthics.Disclosures.My;

/// <summary><c>/my/disclosures</c>: the person's own disclosures, newest first (the read is audited).</summary>
[Authorize(Policy = Policies.SelfService)]
public sealed class MyDisclosuresModel(PeopleDirectory people, DisclosureAccess access) : PageModel
{
    public IReadOnlyList<DisclosureSummary> Disclosures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(User, people, cancellationToken);
        Disclosures = await access.ListOwnAsync(personId, cancellationToken);
    }
}
