using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Web;

namespace PeerEthics.People.Import.Pages;

/// <summary>
/// <c>/staff/people/import</c>: choose a program and a CSV file. A file that can be read is kept (see
/// <see cref="ImportUploads"/>) and checked on the next page, which imports it once confirmed; a file that cannot
/// be read brings the form back, saying why.
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
public sealed class ImportModel(PeerEthicsDb db, ImportUploads uploads) : PageModel
{
    // Well above the largest file allowed, so an oversized file still reaches the page and is refused with a
    // message that says why; only a request far beyond any program's people is cut off unread.
    private const int RequestLimit = 4 * ImportFile.MaxBytes;

    public static readonly string[] FieldOrder = ["program", "file"];

    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramSlug { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<(string Slug, string Name)> Programs { get; private set; } = [];

    public IReadOnlyList<FormError> Errors => ModelState.InOrder(FieldOrder);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadProgramsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Only our own messages: the binder's would not say what to do.
        ModelState.Clear();
        await LoadProgramsAsync(cancellationToken);
        var program = Programs.FirstOrDefault(p => p.Slug == ProgramSlug?.Trim()).Slug;
        if (program is null)
        {
            ModelState.AddModelError("program", "Choose the program the people's credentials are with.");
        }

        var bytes = await ReadFileAsync(cancellationToken);
        if (program is null || bytes is null)
        {
            return Page();
        }

        var id = await uploads.SaveAsync(bytes, cancellationToken);
        return Redirect($"/staff/people/import/{id}?program={Uri.EscapeDataString(program)}&name={Uri.EscapeDataString(ImportFile.SafeName(Upload!.FileName))}");
    }

    /// <summary>The file's bytes when it can be read as an import file, else null with the reason in model state.</summary>
    private async Task<byte[]?> ReadFileAsync(CancellationToken cancellationToken)
    {
        if (Upload is null)
        {
            ModelState.AddModelError("file", "Choose the CSV file with the people to import.");
            return null;
        }

        var name = ImportFile.SafeName(Upload.FileName);
        if (ImportFile.TooLarge(Upload.Length) is { } tooLarge)
        {
            ModelState.AddModelError("file", $"The file {name} {tooLarge}.");
            return null;
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (!ImportFile.TryDecode(bytes, out _, out var problem))
        {
            ModelState.AddModelError("file", $"The file {name} {problem}.");
            return null;
        }

        return bytes;
    }

    private async Task LoadProgramsAsync(CancellationToken cancellationToken) =>
        Programs = [.. (await db.Programs.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Slug, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Slug, p.Name))];
}
