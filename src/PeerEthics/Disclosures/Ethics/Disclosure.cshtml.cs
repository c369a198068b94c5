using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;
using PeerEthics.Web;

namespace PeerEthics.Disclosures.Ethics;

/// <summary><c>/ethics/disclosures/{id}</c>: one disclosure for ethics staff, and their decision form.</summary>
[Authorize(Policy = Policies.EthicsStaff)]
public sealed class EthicsDisclosureModel(DisclosureAccess access, DisclosureDecisions decisions) : PageModel
{
    public DisclosureView Disclosure { get; private set; } = null!;

    public DecisionForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, null, null, new FieldErrors(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, string? decision, string? note, int? version, CancellationToken cancellationToken)
    {
        switch (await decisions.DecideAsEthicsStaffAsync(id, new DisclosureDecisionInput(decision, note, version), cancellationToken))
        {
            case Outcome<int>.Done:
                TempData.Confirm("Your decision is saved. The specialist can see it now.");
                return Redirect($"/ethics/disclosures/{id}");
            case Outcome<int>.Refused(var errors):
                return await ShowAsync(id, decision, note, errors, cancellationToken);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAsync(int id, string? decision, string? note, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (await access.ReadForEthicsStaffAsync(id, cancellationToken) is not { } disclosure)
        {
            return NotFound();
        }

        Disclosure = disclosure;
        Form = new DecisionForm(DisclosureDecisions.EthicsStaffChoices, decision, note, disclosure.Version, errors) { Another = disclosure.Decisions.Count > 0 };
        return Page();
    }
}
