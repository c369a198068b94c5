using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Codes.Import;
using PeerEthics.Data;
using PeerEthics.Web;

namespace PeerEthics.Codes.Staff;

/// <summary><c>/staff/codes/new</c>: upload or paste a code document; it is kept as a draft, then previewed.</summary>
[Authorize(Policy = Policies.ManageCodes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit, ValueLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
public sealed class NewDraftModel(PeerEthicsDb db, CodeDraftStore drafts) : PageModel
{
    // Well above the largest document allowed, so an oversized file still reaches the page and is refused with
    // a message that says why; only a request far beyond any code of ethics is cut off unread.
    private const int RequestLimit = 8 * CodeDocumentBytes.MaxBytes;

    public static readonly string[] FieldOrder = [nameof(ProgramSlug), nameof(Upload), nameof(Text)];

    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramSlug { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<(string Slug, string Name)> Programs { get; private set; } = [];

    public IReadOnlyList<FormError> Errors => ModelState.InOrder(FieldOrder);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadProgramsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Only our own messages: the binder's own (a wrong type) would not say what to do.
        ModelState.Clear();
        await LoadProgramsAsync(cancellationToken);
        var program = await db.Programs.AsNoTracking().Where(p => p.Slug == ProgramSlug).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (program is null)
        {
            ModelState.AddModelError(nameof(ProgramSlug), "Choose the program whose code of ethics this is.");
        }

        var document = await ReadDocumentAsync(cancellationToken);
        if (program is null || document is not var (source, fileName))
        {
            return Page();
        }

        var draft = await drafts.CreateAsync(program.Value, source, fileName, User, cancellationToken);
        TempData.Confirm("Your document is saved as a draft. Check how it was read, then publish it.");
        return Redirect($"/staff/codes/drafts/{draft.Id}");
    }

    /// <summary>The text of the file (and its name) or of the box, or null with the reason in model state.</summary>
    private async Task<(string Text, string? FileName)?> ReadDocumentAsync(CancellationToken cancellationToken)
    {
        var pasted = !string.IsNullOrWhiteSpace(Text);
        if (Upload is { Length: > 0 } && pasted)
        {
            ModelState.AddModelError(nameof(Upload), "Give the document one way only: choose a file or paste the text, not both. To use the file, empty the text box.");
            return null;
        }

        if (Upload is null && !pasted)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a file with the code of ethics, or paste its text into the box.");
            return null;
        }

        if (pasted)
        {
            if (CodeDocumentBytes.Check(Text!) is { } problem)
            {
                ModelState.AddModelError(nameof(Text), $"The pasted text {problem}.");
                return null;
            }

            return (Text!, null);
        }

        var name = FileName(Upload!);
        if (CodeDocumentBytes.TooLarge(Upload!.Length) is { } tooLarge)
        {
            ModelState.AddModelError(nameof(Upload), $"The file {name} {tooLarge}.");
            return null;
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, cancellationToken);
        if (!CodeDocumentBytes.TryDecode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var text, out var why))
        {
            ModelState.AddModelError(nameof(Upload), $"The file {name} {why}.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(nameof(Upload), $"The file {name} is empty. Choose the file that has the code of ethics in it.");
            return null;
        }

        return (text, name);
    }

    private async Task LoadProgramsAsync(CancellationToken cancellationToken) =>
        Programs = [.. (await db.Programs.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Slug, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Slug, p.Name))];

    // Only the name, never a path a browser may send; kept short enough to show and store.
    private static string FileName(IFormFile file)
    {
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        name = string.IsNullOrWhiteSpace(name) ? "(no name)" : name;
        return name.Length > 255 ? name[..255] : name;
    }
}
