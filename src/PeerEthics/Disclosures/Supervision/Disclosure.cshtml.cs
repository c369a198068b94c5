using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;
using PeerEthics.Web;

namespace PeerEthics.Disclosures.Supervision;

/// <summary><c>/supervision/disclosures/{id}</c>: one disclosure sent to this supervisor, and the decision form. Any other is a 404.</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class SupervisionDisclosureModel(DisclosureAccess access, DisclosureDecisions decisions) : PageModel
{
    public DisclosureView Disclosure { get; private set; } = null!;

    public DecisionForm? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, null, null, new FieldErrors(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, string? decision, string? note, int? version, CancellationToken cancellationToken)
    {
        var supervisorIds = await SupervisorIdsAsync(cancellationToken);
        switch (await decisions.DecideAsSupervisorAsync(supervisorIds, id, new DisclosureDecisionInput(decision, note, version), cancellationToken))
        {
            case Outcome<int>.Done:
                TempData.Confirm("Your decision is saved. The specialist can see it now.");
                return Redirect($"/supervision/disclosures/{id}");
            case Outcome<int>.Refused(var errors):
                return await ShowAsync(id, decision, note, errors, cancellationToken);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAsync(int id, string? decision, string? note, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (await access.ReadForSupervisorAsync(await SupervisorIdsAsync(cancellationToken), id, cancellationToken) is not { } disclosure)
        {
            return NotFound();
        }

        Disclosure = disclosure;
        Form = DisclosureDecisions.SupervisorMayDecide(disclosure.Status)
            ? new DecisionForm(DisclosureDecisions.SupervisorChoices, decision, note, disclosure.Version, errors) { Another = disclosure.Decisions.Count > 0 }
            : null;
        return Page();
    }

    private Task<IReadOnlyList<int>> SupervisorIdsAsync(CancellationToken cancellationToken) =>
        access.SupervisorIdsOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
}
