using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;

namespace PeerEthics.ContinuingEducation.Pages;

[Authorize(Policy = Policies.ManagePeople)]
public sealed class CeQueueModel(CeLog ce) : PageModel
{
    public IReadOnlyList<(CeActivityView Activity, string PersonName)> Pending { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Decided { get; set; }

    public int? ActivityId { get; private set; }

    public string? Reason { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pending = await ce.PendingAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(int personId, int activityId, string? decision, string? reason, CancellationToken cancellationToken)
    {
        switch (await ce.DecideAsync(personId, activityId, new DecisionInput(decision, reason), cancellationToken))
        {
            case Outcome<CeActivityView>.Done:
                return Redirect("/staff/ce?decided=true");
            case Outcome<CeActivityView>.Refused(var errors):
                foreach (var (field, message) in errors.All)
                {
                    // The form has one reason box per activity: point the summary at this one.
                    Errors.Add(field == "reason" ? $"reason-{activityId}" : $"activity-{activityId}", message);
                }

                (ActivityId, Reason) = (activityId, reason);
                Pending = await ce.PendingAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }
}
