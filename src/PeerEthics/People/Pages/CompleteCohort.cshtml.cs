using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

/// <summary>
/// Completing a cohort, on a page of its own: it says what completing does (it cannot be undone) and asks who did
/// not finish, then the button confirms it.
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class CompleteCohortModel(CohortRoster roster) : PageModel
{
    public CohortView Cohort { get; private set; } = null!;

    public string ProgramName => Cohort.ProgramName;

    /// <summary>The people ticked as not having finished, as the form sent them.</summary>
    [BindProperty]
    public List<string> DidNotFinish { get; set; } = [];

    public FieldErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var didNotFinish = new List<int>();
        foreach (var value in DidNotFinish)
        {
            // Only a changed page sends something else; guessing could make someone eligible who is not.
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var personId))
            {
                Errors = FieldErrors.One("didNotFinish", "Tick the trainees who did not finish from the list.");
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            }

            didNotFinish.Add(personId);
        }

        switch (await roster.CompleteAsync(id, didNotFinish, cancellationToken))
        {
            case Outcome<CohortView>.Done:
                return Redirect($"/staff/cohorts/{id}?done=completed");
            case Outcome<CohortView>.Refused(var errors):
                Errors = errors;
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    public bool Ticked(int personId) => DidNotFinish.Contains(personId.ToString(CultureInfo.InvariantCulture));

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await roster.GetAsync(id, cancellationToken) is not { } cohort)
        {
            return false;
        }

        Cohort = cohort;
        return true;
    }
}
