using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;
using PeerEthics.Web;

namespace PeerEthics.Campaigns.Pages;

/// <summary>The deadline form as typed.</summary>
public sealed class DeadlineForm
{
    public string? Deadline { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// <c>/staff/campaigns/{id}</c>: a campaign's totals, by employer and by supervisor, who has not signed, the reminders,
/// and changing the deadline (a reason required; audited).
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class CampaignModel(CampaignDashboard dashboard, CampaignDeadlines deadlines) : PageModel
{
    public CampaignDetail Campaign { get; private set; } = null!;

    public DateOnly Today => dashboard.Today;

    [BindProperty]
    public DeadlineForm Form { get; set; } = new();

    public FieldErrors Errors { get; private set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Changed { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await dashboard.GetAsync(id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        Campaign = campaign;
        Form = new DeadlineForm { Deadline = Display.Iso(campaign.Summary.Deadline) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        switch (await deadlines.ChangeAsync(id, new DeadlineChangeInput(Form.Deadline, Form.Reason), cancellationToken))
        {
            case Outcome<DateOnly>.Done:
                return Redirect($"/staff/campaigns/{id}?changed=true");
            case Outcome<DateOnly>.Refused(var errors):
                Errors = errors.InFormOrder("deadline", "reason");
                Campaign = (await dashboard.GetAsync(id, cancellationToken))!;
                return Page();
            default:
                return NotFound();
        }
    }
}
