using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.Web;

namespace PeerEthics.Codes.Staff;

/// <summary>
/// <c>/staff/codes/drafts/{id}</c>: a draft as read — warnings first, then what changes from the version in
/// force, then the whole document — and the form that publishes it as a new version.
/// </summary>
[Authorize(Policy = Policies.ManageCodes)]
public sealed class DraftModel(DraftPreviewReader previews, CodePublisher publisher, TimeProvider clock) : PageModel
{
    public const string ConfirmPastField = nameof(ConfirmPast);

    private static readonly string[] s_fieldOrder = ["document", "program", EffectiveDateInput.Field, ConfirmPastField];

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

    /// <summary>Ticked to say a date that has passed is meant: the version has been in force since then.</summary>
    [BindProperty]
    public bool ConfirmPast { get; set; }

    /// <summary>Shown only once a date in the past was given: most people never need it.</summary>
    public bool AskToConfirmPast { get; private set; }

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

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await previews.GetAsync(id, cancellationToken) is not { } preview)
        {
            return NotFound();
        }

        Preview = preview;
        var date = EffectiveDateInput.Parse(EffectiveDay, EffectiveMonth, EffectiveYear);
        if (date.Date is not { } effective)
        {
            _effectiveBox = date.Box;
            ModelState.AddModelError(EffectiveDateInput.Field, date.Error!);
            return Page();
        }

        if (effective < Today && !ConfirmPast)
        {
            AskToConfirmPast = true;
            ModelState.AddModelError(ConfirmPastField,
                $"The effective date, {Display.Date(effective)}, has passed. Check the date, or tick the box to confirm this version has been in force since then.");
            return Page();
        }

        switch (await publisher.PublishAsync(preview.ProgramSlug, preview.Source, effective, cancellationToken))
        {
            case PublishOutcome.Published(var version):
                var when = effective > Today ? $"It comes into force on {Display.Date(effective)}." : $"It is in force from {Display.Date(effective)}.";
                TempData.Confirm($"Version {version.Number} of this code is published. {when}");
                return Redirect($"/codes/{Uri.EscapeDataString(preview.CodeSlug)}/versions/{version.Number}");
            case PublishOutcome.AlreadyPublished(var version):
                Outcome = $"Nothing was published: version {version.Number} of this code already has exactly this text.";
                Preview = preview with { PublishedAs = version.Number };
                return Page();
            case PublishOutcome.Refused(var errors):
                foreach (var (field, messages) in errors)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(field, $"Nothing was published. {message}");
                    }
                }

                return Page();
            default:
                throw new InvalidOperationException("Unexpected publish outcome.");
        }
    }
}
