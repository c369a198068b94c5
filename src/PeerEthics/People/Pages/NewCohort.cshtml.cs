using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People.Forms;

namespace PeerEthics.People.Pages;

public sealed class CohortForm
{
    public string? Program { get; set; }
    public string? Name { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? Trainer { get; set; }
}

[Authorize(Policy = Policies.ManagePeople)]
public sealed class NewCohortModel(CohortRoster roster, PeerEthicsDb db) : PageModel
{
    private static readonly string[] FieldOrder = ["program", "name", "startsOn", "endsOn", "trainer"];

    [BindProperty]
    public CohortForm Form { get; set; } = new();

    public FieldErrors Errors { get; private set; } = new();

    public IReadOnlyList<(string Slug, string Name)> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadProgramsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Dates are bound as text so a mistyped one comes back as typed; the roster asks for any left blank.
        var errors = new FieldErrors();
        var startsOn = FormValues.Date(Form.StartsOn, "startsOn", "first day of training", errors, required: false);
        var endsOn = FormValues.Date(Form.EndsOn, "endsOn", "last day of training", errors, required: false);
        switch (await roster.CreateAsync(new CohortInput(Form.Program, Form.Name, startsOn, endsOn, Form.Trainer), errors, cancellationToken))
        {
            case Outcome<CohortView>.Done(var cohort):
                return Redirect($"/staff/cohorts/{cohort.Id}?done=created");
            case Outcome<CohortView>.Refused(var refused):
                Errors = refused.InFormOrder(FieldOrder);
                await LoadProgramsAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadProgramsAsync(CancellationToken cancellationToken) =>
        Programs = [.. (await db.Programs.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Slug, p.Name }).ToListAsync(cancellationToken)).Select(p => (p.Slug, p.Name))];
}
