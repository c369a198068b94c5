using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.ContinuingEducation;
using PeerEthics.People;

namespace PeerEthics.Disclosures.My;

/// <summary><c>/my/disclosures/{id}</c>: one of the person's own disclosures, its evaluation as filed and the decisions. Another person's is a 404.</summary>
[Authorize(Policy = Policies.SelfService)]
public sealed class MyDisclosureModel(PeopleDirectory people, DisclosureAccess access) : PageModel
{
    public DisclosureView Disclosure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(User, people, cancellationToken);
        if (await access.ReadOwnAsync(personId, id, cancellationToken) is not { } disclosure)
        {
            return NotFound();
        }

        Disclosure = disclosure;
        return Page();
    }
}
