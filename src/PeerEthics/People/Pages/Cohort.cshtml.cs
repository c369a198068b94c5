using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.Commitments;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

/// <summary>A cohort for staff: its details, who is enrolled and who of them has not signed the code, enrolling a trainee.</summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class CohortModel(CohortRoster roster, CommitmentIndex commitments) : PageModel
{
    public CohortView Cohort { get; private set; } = null!;

    public string ProgramName => Cohort.ProgramName;

    /// <summary>Who has not signed the code version in force for the cohort's program (trainees sign before training starts).</summary>
    public UnsignedInCohort NotSigned { get; private set; } = null!;

    public DateOnly Today => commitments.Today;

    public bool HasSigned(int personId) => NotSigned.NotSigned.All(p => p.PersonId != personId);

    /// <summary>Trainees who may be enrolled (narrowed by <see cref="Q"/>).</summary>
    public IReadOnlyList<TraineeChoice> Trainees { get; private set; } = [];

    /// <summary>A name to narrow the trainees to choose from.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>What was just done (created, enrolled, completed), for the notice after a redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The chosen trainee, as the form sent it.</summary>
    [BindProperty]
    public string? PersonId { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync(int id, CancellationToken cancellationToken)
    {
        // Not a whole number: only a changed page sends that; the roster answers it as "choose the person".
        var personId = FormValues.ChosenId(PersonId, "personId", "Choose the person to enrol.", new FieldErrors());
        switch (await roster.EnrolAsync(id, personId, cancellationToken))
        {
            case Outcome<CohortView>.Done:
                return Redirect($"/staff/cohorts/{id}?done=enrolled");
            case Outcome<CohortView>.Refused(var errors):
                Errors = errors;
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await roster.GetAsync(id, cancellationToken) is not { } cohort)
        {
            return false;
        }

        Cohort = cohort;
        NotSigned = (await commitments.UnsignedInCohortAsync(id, cancellationToken))!;
        Trainees = cohort.CompletedOn is null ? await roster.TraineesToEnrolAsync(id, Q, cancellationToken) : [];
        return true;
    }
}
