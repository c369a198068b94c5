using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;

namespace PeerEthics.ContinuingEducation.Pages;

[Authorize(Policy = Policies.ManagePeople)]
public sealed class RenewalQueueModel(Renewals renewals) : PageModel
{
    public IReadOnlyList<(RenewalApplicationView Application, int PersonId, string PersonName, string Program)> Pending { get; private set; } = [];

    public Dictionary<int, IReadOnlyList<RequirementCheck>> Checks { get; } = [];

    public FieldErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Decided { get; set; }

    public int? ApplicationId { get; private set; }

    public string? Reason { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(int personId, int applicationId, string? decision, string? reason, CancellationToken cancellationToken)
    {
        switch (await renewals.DecideAsync(personId, applicationId, new DecisionInput(decision, reason), cancellationToken))
        {
            case Outcome<RenewalAssessment>.Done:
                return Redirect("/staff/renewals?decided=true");
            case Outcome<RenewalAssessment>.Refused(var errors):
                foreach (var (field, message) in errors.All)
                {
                    Errors.Add(field == "reason" ? $"reason-{applicationId}" : $"renewal-{applicationId}", message);
                }

                (ApplicationId, Reason) = (applicationId, reason);
                await LoadAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Pending = await renewals.PendingAsync(cancellationToken);
        foreach (var (application, personId, _, _) in Pending)
        {
            if (await renewals.AssessAsync(personId, application.CredentialId, cancellationToken) is { } assessment)
            {
                Checks[application.Id] = assessment.Checks;
            }
        }
    }
}
