using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;

namespace PeerEthics.Rules.Pages;

/// <summary>
/// <c>/staff/rules/{code}</c>: a code's rule file, its saved versions, and a form to check and save a new
/// version (pasted or uploaded). A file with any error is refused with its line and column, and nothing
/// is saved; the text is shown again as it was sent.
/// </summary>
[Authorize(Policy = Policies.ManageCodes)]
public sealed class StaffRulesModel(RuleSetStore store) : PageModel
{
    public const int MaxUploadBytes = 256 * 1024;

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    public string? Yaml { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Unchanged { get; set; }

    public IReadOnlyList<RuleSetSummary> Versions { get; private set; } = [];

    public IReadOnlyList<RuleFileError> Errors { get; private set; } = [];

    /// <summary>An error that is not about a line of the file (an unreadable upload, nothing sent).</summary>
    public string? FormError { get; private set; }

    public string? CheckedMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await store.CodeExistsAsync(Code, cancellationToken))
        {
            return NotFound();
        }

        Versions = await store.ListAsync(Code, cancellationToken);
        Yaml = (await store.GetAsync(Code, null, cancellationToken))?.Yaml ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (FormError is null)
        {
            var (file, errors) = await store.CheckAsync(Yaml!, Code, cancellationToken);
            Errors = errors;
            if (file is not null)
            {
                CheckedMessage = $"No errors: {file.Rules.Count} rules and {file.Parameters.Count} parameters for version{(file.CodeVersions.Count == 1 ? "" : "s")} {string.Join(", ", file.CodeVersions)} of this code. Nothing was saved yet.";
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (FormError is not null)
        {
            return Page();
        }

        switch (await store.SaveAsync(Code, Yaml!, User.Identity?.Name, cancellationToken))
        {
            case RuleSetSaveOutcome.Saved(var ruleSet):
                return RedirectToPage(new { code = Code, saved = ruleSet.Number });
            case RuleSetSaveOutcome.Unchanged(var ruleSet):
                return RedirectToPage(new { code = Code, saved = ruleSet.Number, unchanged = true });
            case RuleSetSaveOutcome.Refused(var errors):
                Errors = errors;
                return Page();
            default:
                throw new InvalidOperationException("Unexpected outcome.");
        }
    }

    /// <summary>Loads the versions, and takes the text from the upload (when one is given) or the text box.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken cancellationToken)
    {
        if (!await store.CodeExistsAsync(Code, cancellationToken))
        {
            return NotFound();
        }

        Versions = await store.ListAsync(Code, cancellationToken);
        if (Upload is { Length: > 0 } upload)
        {
            if (upload.Length > MaxUploadBytes)
            {
                FormError = $"The uploaded file is {upload.Length / 1024} KB; a rule file may be at most {MaxUploadBytes / 1024} KB.";
                return null;
            }

            try
            {
                using var reader = new StreamReader(upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
                Yaml = (await reader.ReadToEndAsync(cancellationToken)).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                FormError = "The uploaded file is not UTF-8 text: save it as UTF-8 and upload it again.";
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(Yaml))
        {
            FormError = "There is no rule file to check: paste it in the box or choose a file to upload.";
        }

        return null;
    }
}
