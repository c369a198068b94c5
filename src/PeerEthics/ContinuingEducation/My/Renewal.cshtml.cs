using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People;
using PeerEthics.People.Forms;

namespace PeerEthics.ContinuingEducation.My;

/// <summary>The renewal of one of the caller's own credentials; another person's credential is a 404.</summary>
[Authorize(Policy = Policies.SelfService)]
public sealed class RenewalModel(PeopleDirectory people, Renewals renewals) : PageModel
{
    public RenewalAssessment Assessment { get; private set; } = null!;

    public FieldErrors Errors { get; } = new();

    public DateOnly Today => renewals.Today;

    public async Task<IActionResult> OnGetAsync(int credentialId, CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(User, people, cancellationToken);
        if (await renewals.AssessAsync(personId, credentialId, cancellationToken) is not { } assessment)
        {
            return NotFound();
        }

        Assessment = assessment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int credentialId, CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(User, people, cancellationToken);
        switch (await renewals.ApplyAsync(personId, credentialId, cancellationToken))
        {
            case Outcome<RenewalAssessment>.Done:
                return Redirect($"/my/credentials/{credentialId}/renewal");
            case Outcome<RenewalAssessment>.Refused(var errors):
                foreach (var (field, message) in errors.All)
                {
                    Errors.Add(field, message);
                }

                Assessment = (await renewals.AssessAsync(personId, credentialId, cancellationToken))!;
                return Page();
            default:
                return NotFound();
        }
    }
}
