using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.Codes;
using PeerEthics.Codes.Import;
using PeerEthics.Ledger.Pledges;
using PeerEthics.People.Forms;
using PeerEthics.Programs;

namespace PeerEthics.Commitments.Staff;

public sealed class PledgeTemplateForm
{
    public string? Text { get; set; }

    public bool RecordIpAddress { get; set; }
}

/// <summary>
/// <c>/staff/programs/{slug}/pledge</c>: the program's pledge template (signed when its code prints no pledge) and whether
/// signatures record the IP address. Each save is a new version; the old ones are listed and kept.
/// </summary>
[Authorize(Policy = Policies.ManagePrograms)]
public sealed class PledgeTemplateModel(PledgeTemplates templates, ProgramSettingsHistory programs, CodeReader codes) : PageModel
{
    public ProgramSummary Program { get; private set; } = null!;

    public SigningSettings Current { get; private set; } = null!;

    public IReadOnlyList<SigningSettings> History { get; private set; } = [];

    /// <summary>The code version in force, for its title and its own pledge (if it prints one).</summary>
    public CodeVersionView? Code { get; private set; }

    public ParsedPledge? CodePledge => Code?.Document.Pledge;

    [BindProperty]
    public PledgeTemplateForm Form { get; set; } = new();

    public FieldErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public string Preview => PledgeTemplate.Fill(Current.Text, "Jane Doe", Program.Name, Code?.Version.Title ?? Program.Code);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Form = new PledgeTemplateForm { Text = Current.Text, RecordIpAddress = Current.RecordIpAddress };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var outcome = await templates.SaveAsync(slug, Form.Text, User.Identity?.Name, Form.RecordIpAddress, cancellationToken);
        if (outcome is PledgeTemplateOutcome.Saved)
        {
            return Redirect($"/staff/programs/{slug}/pledge?saved=true");
        }

        var refused = (PledgeTemplateOutcome.Refused)outcome;
        if (refused.Errors.ContainsKey("program") || !await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        foreach (var message in refused.Errors.GetValueOrDefault("text") ?? [])
        {
            Errors.Add("text", message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await programs.FindAsync(slug, cancellationToken) is not { } program)
        {
            return false;
        }

        Program = program;
        Current = await templates.SettingsAsync(slug, cancellationToken);
        History = await templates.HistoryAsync(slug, cancellationToken);
        Code = await codes.GetAsync(program.Code, cancellationToken: cancellationToken);
        return true;
    }
}
