using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.ContinuingEducation;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Rules;
using PeerEthics.Web;

namespace PeerEthics.Disclosures.My;

/// <summary>
/// <c>/my/disclosures/new</c>: the disclosure form. "Check" (handler <c>check</c>) evaluates what was entered under
/// the person's programs and saves nothing; "Send" files it and goes to the saved disclosure. Both are plain form
/// posts, so neither needs JavaScript; on an error everything typed comes back.
/// </summary>
[Authorize(Policy = Policies.SelfService)]
public sealed class NewDisclosureModel(PeopleDirectory people, DisclosureFiling filing) : PageModel
{
    /// <summary>What the person entered, by field name, shown back as entered.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public FieldErrors Errors { get; private set; } = new();

    public DisclosureCheck? Check { get; private set; }

    public IReadOnlyList<ProgramChoice> Programs { get; private set; } = [];

    public string? SupervisorName { get; private set; }

    public DateOnly Today => filing.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        var personId = await LoadAsync(cancellationToken);
        switch (await filing.CheckAsync(personId, Read(), cancellationToken))
        {
            case Outcome<DisclosureCheck>.Done(var check):
                Check = check;
                break;
            case Outcome<DisclosureCheck>.Refused(var errors):
                Errors = errors;
                break;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var personId = await LoadAsync(cancellationToken);
        switch (await filing.FileAsync(personId, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Read(), cancellationToken))
        {
            case Outcome<int>.Done(var id):
                TempData.Confirm(SupervisorName is { } supervisor
                    ? $"Thank you. Your disclosure is saved and sent to your supervisor, {supervisor}."
                    : "Thank you. Your disclosure is saved and sent to the program's ethics staff, because you have no supervisor on record.");
                return Redirect($"/my/disclosures/{id}");
            case Outcome<int>.Refused(var errors):
                Errors = errors;
                return Page();
            default:
                return NotFound();
        }
    }

    public string? Value(string field) => Values.TryGetValue(field, out var value) ? value : null;

    private DisclosureRead Read()
    {
        foreach (var field in DisclosureReader.Fields)
        {
            Values[field] = Request.Form.TryGetValue(field, out var value) ? value.ToString() : null;
        }

        return DisclosureReader.FromFields(Values, filing.Today);
    }

    private async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(User, people, cancellationToken);
        Programs = await filing.ProgramsOfAsync(personId, cancellationToken);
        SupervisorName = await filing.SupervisorNameOfAsync(personId, cancellationToken);
        return personId;
    }
}
