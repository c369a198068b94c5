using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.Web;

namespace PeerEthics.Codes.Staff;

/// <summary>
/// <c>/staff/codes/drafts/{id}</c>: a draft as read — warnings first, then whether every word was kept, what
/// changes from the version in force, then the whole document — and publishing it: an effective date, then a
/// confirmation step that says what will happen, then the new version.
/// </summary>
[Authorize(Policy = Policies.ManageCodes)]
public sealed class DraftModel(DraftPreviewReader previews, CodePublisher publisher, TimeProvider clock) : PageModel
{
    private static readonly string[] s_fieldOrder = ["document", "program", EffectiveDateInput.Field];

    private string _effectiveBox = EffectiveDateInput.Day;

    /// <summary>The box of the date the error summary links to, and the one marked invalid.</summary>
    public string EffectiveBox => _effectiveBox;

    public DraftPreview Preview { get; private set; } = null!;

    [BindProperty]
    public string? EffectiveDay { get; set; }

    [BindProperty]
    public string? EffectiveMonth { get; set; }

    [BindProperty]
    public string? EffectiveYear { get; set; }

    /// <summary>Set once a valid date was given: the page asks to confirm before anything is published.</summary>
    public DateOnly? Confirming { get; private set; }

    /// <summary>What came of a publish that changed nothing ("already published").</summary>
    public string? Outcome { get; private set; }

    public IReadOnlyList<FormError> Errors => ModelState.InOrder(s_fieldOrder, key => key switch
    {
        EffectiveDateInput.Field => _effectiveBox,
        "document" => "problems",
        "program" => "draft-facts",
        _ => key,
    });

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await previews.GetAsync(id, cancellationToken) is not { } preview)
        {
            return NotFound();
        }

        Preview = preview;
        return Page();
    }

    /// <summary>Checks the date; when it is right, shows the confirmation step. Nothing is published yet.</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await previews.GetAsync(id, cancellationToken) is not { } preview)
        {
            return NotFound();
        }

        Preview = preview;
        if (ValidDate() is { } effective)
        {
            Confirming = effective;
        }

        return Page();
    }

    /// <summary>The confirmed publish: checks everything again (the code may have changed since), then publishes.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await previews.GetAsync(id, cancellationToken) is not { } preview)
        {
            return NotFound();
        }

        Preview = preview;
        if (ValidDate() is not { } effective)
        {
            return Page();
        }

        switch (await publisher.PublishAsync(preview.ProgramSlug, preview.Of.Source, effective, cancellationToken))
        {
            case PublishOutcome.Published(var version) published:
                var when = effective > Today ? $"It comes into force on {Display.Date(effective)}." : $"It is in force from {Display.Date(effective)}.";
                var campaign = published.Campaign is { } started ? $" {started.Sentence} See Staff: campaigns." : "";
                TempData.Confirm($"Version {version.Number} of this code is published. {when}{campaign}");
                return Redirect($"/codes/{Uri.EscapeDataString(preview.CodeSlug)}/versions/{version.Number}");
            case PublishOutcome.AlreadyPublished(var version):
                Outcome = $"Nothing was published: version {version.Number} of this code already has exactly this text.";
                Preview = preview with { Of = preview.Of with { PublishedAs = version.Number } };
                return Page();
            case PublishOutcome.Refused(var errors):
                foreach (var (field, messages) in errors)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(field == "effective" ? EffectiveDateInput.Field : field, $"Nothing was published. {message}");
                    }
                }

                return Page();
            default:
                throw new InvalidOperationException("Unexpected publish outcome.");
        }
    }

    /// <summary>The date from the three boxes when it is a real date the version may take effect on; else null, with the reason in model state.</summary>
    private DateOnly? ValidDate()
    {
        var date = EffectiveDateInput.Parse(EffectiveDay, EffectiveMonth, EffectiveYear);
        if (date.Date is not { } effective)
        {
            _effectiveBox = date.Box;
            ModelState.AddModelError(EffectiveDateInput.Field, date.Error!);
            return null;
        }

        if (Preview.Of.EffectiveProblem(effective) is { } problem)
        {
            ModelState.AddModelError(EffectiveDateInput.Field, problem);
            return null;
        }

        return effective;
    }
}
