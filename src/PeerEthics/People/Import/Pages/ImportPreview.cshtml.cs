using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.Web;

namespace PeerEthics.People.Import.Pages;

/// <summary>
/// <c>/staff/people/import/{upload}?program=&amp;name=</c>: the dry run of a kept upload — every problem by row and
/// column, or what would be added — and, when there is no problem, the confirmation that imports exactly that file.
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class ImportPreviewModel(PeopleImporter importer, ImportUploads uploads) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramSlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "name")]
    public string? FileName { get; set; }

    public string Upload { get; private set; } = "";

    /// <summary>The report; null when the upload is no longer kept (imported, or too old).</summary>
    public ImportReport? Report { get; private set; }

    /// <summary>Why the program or the file cannot be used (a program removed, say), when that is so.</summary>
    public string? Unusable { get; private set; }

    /// <summary>Set when a confirmed import found problems the preview had not (someone changed the records meanwhile).</summary>
    public bool ChangedSincePreview { get; private set; }

    public string Again => $"/staff/people/import?program={Uri.EscapeDataString(ProgramSlug ?? "")}";

    public async Task<IActionResult> OnGetAsync(string upload, CancellationToken cancellationToken) =>
        await RunAsync(upload, dryRun: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string upload, CancellationToken cancellationToken)
    {
        if (await RunAsync(upload, dryRun: false, cancellationToken) is { } gone)
        {
            return gone;
        }

        if (Report is { Imported: true } report)
        {
            uploads.Delete(upload);
            TempData.Confirm(report.Summary());
            return Redirect("/staff/people");
        }

        ChangedSincePreview = Report is { CanImport: false };
        return Page();
    }

    /// <summary>Runs the import (or its dry run) on the kept file; a result to return at once when there is no such file.</summary>
    private async Task<IActionResult?> RunAsync(string upload, bool dryRun, CancellationToken cancellationToken)
    {
        Upload = upload;
        if (await uploads.ReadAsync(upload, cancellationToken) is not { } bytes)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        switch (await importer.RunAsync(ProgramSlug, bytes, FileName, dryRun, cancellationToken))
        {
            case ImportOutcome.Checked(var report):
                Report = report;
                break;
            case ImportOutcome.Unusable(_, var message):
                Unusable = message;
                break;
        }

        return null;
    }
}
