using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People.Forms;
using PeerEthics.Web;

namespace PeerEthics.Programs.Pages;

/// <summary>The settings form as typed: text, so a mistyped value comes back as it was typed.</summary>
public sealed class ProgramSettingsForm
{
    public string? EffectiveFrom { get; set; }
    public string? RenewalCycleMonths { get; set; }
    public string? CeHoursPerCycle { get; set; }
    public string? EthicsHoursPerCycle { get; set; }
    public string? GracePeriodDays { get; set; }
    public string? RenewalWindowDays { get; set; }
    public string? NumberFormat { get; set; }
    public string? SignNewVersionDays { get; set; }
    public string? Note { get; set; }

    public static ProgramSettingsForm From(ProgramSettingsView? s, DateOnly today) => new()
    {
        EffectiveFrom = Display.Iso(today),
        RenewalCycleMonths = s?.RenewalCycleMonths.ToString(CultureInfo.InvariantCulture),
        CeHoursPerCycle = s is null ? null : FormValues.Hours(s.CeHoursPerCycle),
        EthicsHoursPerCycle = s is null ? null : FormValues.Hours(s.EthicsHoursPerCycle),
        GracePeriodDays = s?.GracePeriodDays.ToString(CultureInfo.InvariantCulture),
        RenewalWindowDays = s?.RenewalWindowDays.ToString(CultureInfo.InvariantCulture),
        NumberFormat = s?.NumberFormat,
        SignNewVersionDays = (s?.SignNewVersionDays ?? ProgramSettingsInput.DefaultSignNewVersionDays).ToString(CultureInfo.InvariantCulture),
    };

    public ProgramSettingsInput Read(FieldErrors errors) => new(
        FormValues.Date(EffectiveFrom, "effectiveFrom", "date these settings come into force", errors),
        FormValues.WholeNumber(RenewalCycleMonths, "renewalCycleMonths", "renewal cycle in months", "24", errors),
        FormValues.Hours(CeHoursPerCycle, "ceHoursPerCycle", "continuing-education hours", errors),
        FormValues.Hours(EthicsHoursPerCycle, "ethicsHoursPerCycle", "ethics hours", errors),
        FormValues.WholeNumber(GracePeriodDays, "gracePeriodDays", "grace period in days", "90", errors),
        FormValues.WholeNumber(RenewalWindowDays, "renewalWindowDays", "renewal window in days", "90", errors),
        NumberFormat,
        Note,
        FormValues.WholeNumber(SignNewVersionDays, "signNewVersionDays", "time to sign a new code version, in days", "60", errors));
}

[Authorize(Policy = Policies.ManagePrograms)]
public sealed class ProgramSettingsModel(ProgramSettingsHistory programs) : PageModel
{
    public ProgramSummary Program { get; private set; } = null!;

    public IReadOnlyList<ProgramSettingsView> History { get; private set; } = [];

    [BindProperty]
    public ProgramSettingsForm Form { get; set; } = new();

    public FieldErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Added { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Form = ProgramSettingsForm.From(Program.InForce, programs.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var input = Form.Read(Errors);
        switch (await programs.AddAsync(slug, input, Errors, cancellationToken))
        {
            case Outcome<ProgramSettingsView>.Done:
                return Redirect($"/staff/programs/{slug}?added=true");
            case Outcome<ProgramSettingsView>.NotFound:
                return NotFound();
            default:
                await LoadAsync(slug, cancellationToken);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await programs.FindAsync(slug, cancellationToken) is not { } program)
        {
            return false;
        }

        Program = program;
        History = await programs.HistoryAsync(program.Id, cancellationToken);
        return true;
    }
}
