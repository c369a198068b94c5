using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People;
using PeerEthics.People.Forms;

namespace PeerEthics.ContinuingEducation.My;

public sealed class CeForm
{
    public string? CredentialId { get; set; }
    public string? Title { get; set; }
    public string? Provider { get; set; }
    public string? CompletedOn { get; set; }
    public string? Hours { get; set; }
    public string? EthicsHours { get; set; }

    public CeInput Read(FieldErrors errors) => new(
        int.TryParse(CredentialId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        Title, Provider,
        FormValues.Date(CompletedOn, "completedOn", "date you completed the activity", errors),
        FormValues.Hours(Hours, "hours", "hours", errors),
        FormValues.Clean(EthicsHours) is null ? 0 : FormValues.Hours(EthicsHours, "ethicsHours", "ethics hours", errors));
}

[Authorize(Policy = Policies.SelfService)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
public sealed class LogActivityModel(PeopleDirectory people, CeLog ce) : PageModel
{
    // Well above the largest evidence file allowed, so an oversized file (a large phone photo of a certificate)
    // still reaches the page and is refused with a message naming the rule, the form re-shown with what was typed;
    // only a request far beyond any evidence file is cut off unread (a bare 413).
    private const long RequestLimit = 4 * EvidenceStore.MaxBytes;

    [BindProperty]
    public CeForm Form { get; set; } = new();

    public FieldErrors Errors { get; } = new();

    public IReadOnlyList<CredentialView> Credentials { get; private set; } = [];

    public bool HadFile { get; private set; }

    public async Task OnGetAsync(int? credential, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Form.CredentialId = credential?.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? evidence, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var input = Form.Read(Errors);
        var (upload, problem) = await EvidenceStore.ReadAsync(evidence, cancellationToken);
        if (problem is not null)
        {
            Errors.Add("evidence", problem);
        }

        var personId = await MyApi.PersonIdAsync(User, people, cancellationToken);
        if (await ce.RecordAsync(personId, input, upload, Errors, cancellationToken) is Outcome<CeActivityView>.Done)
        {
            return Redirect("/my?recorded=true");
        }

        HadFile = evidence is { Length: > 0 };
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = await people.ReadOwnAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        Credentials = [.. (me?.Credentials ?? []).Where(c => c.IssuedOn is not null)];
    }
}
