using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

/// <summary>
/// Taking one trainee out of a cohort before it completes, on a page of its own: it says what that does, asks why,
/// and the button confirms it.
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class WithdrawFromCohortModel(CohortRoster roster) : PageModel
{
    public CohortView Cohort { get; private set; } = null!;

    public EnrolmentView Trainee { get; private set; } = null!;

    public string ProgramName => Cohort.ProgramName;

    /// <summary>Why the trainee is leaving, as typed.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int personId, CancellationToken cancellationToken) =>
        await LoadAsync(id, personId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int personId, CancellationToken cancellationToken)
    {
        switch (await roster.WithdrawAsync(id, new WithdrawalInput(personId, Reason), cancellationToken))
        {
            case Outcome<CohortView>.Done:
                return Redirect($"/staff/cohorts/{id}?done=withdrawn");
            case Outcome<CohortView>.Refused(var errors):
                Errors = errors;
                return await LoadAsync(id, personId, cancellationToken) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    /// <summary>The cohort and the trainee on its roster; false (a 404) when either is not there.</summary>
    private async Task<bool> LoadAsync(int id, int personId, CancellationToken cancellationToken)
    {
        if (await roster.GetAsync(id, cancellationToken) is not { } cohort || cohort.Enrolments.FirstOrDefault(e => e.PersonId == personId) is not { } trainee)
        {
            return false;
        }

        Cohort = cohort;
        Trainee = trainee;
        return true;
    }
}
