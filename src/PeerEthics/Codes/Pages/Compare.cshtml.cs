using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Codes.Crosswalk;

namespace PeerEthics.Codes.Pages;

/// <summary><c>/compare?left=&amp;right=</c>: two codes side by side, paired by theme and meaning.</summary>
public sealed class CompareModel(CodeReader reader, CrosswalkBuilder builder) : PageModel
{
    // The two codes PeerEthics was started from: the comparison people most often want first.
    public const string DefaultLeft = "massachusetts-cps";
    public const string DefaultRight = "missouri-cmps";

    [BindProperty(SupportsGet = true)]
    public string? Left { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Right { get; set; }

    public IReadOnlyList<CodeSummary> Codes { get; private set; } = [];

    public CodeVersionView? LeftCode { get; private set; }

    public CodeVersionView? RightCode { get; private set; }

    public CodeCrosswalk? Crosswalk { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Codes = await reader.ListAsync(cancellationToken);
        if (Codes.Count == 0)
        {
            return Page();
        }

        Left = string.IsNullOrWhiteSpace(Left) ? Default(DefaultLeft, 0) : Left;
        Right = string.IsNullOrWhiteSpace(Right) ? Default(DefaultRight, 1) : Right;
        LeftCode = await reader.GetAsync(Left, null, cancellationToken);
        RightCode = await reader.GetAsync(Right, null, cancellationToken);
        if (LeftCode is null || RightCode is null)
        {
            return NotFound();
        }

        Crosswalk = builder.Compute(LeftCode.Document.Principles, RightCode.Document.Principles);
        return Page();
    }

    /// <summary>The short name people know a code by: its program's name, or else its title.</summary>
    public string NameOf(CodeVersionView code) =>
        Codes.FirstOrDefault(c => c.Slug == code.Code) is { } summary && summary.Programs.Count > 0
            ? summary.Programs[0]
            : code.Document.Title ?? code.Version.Title;

    public string NameOf(CodeSummary code) => code.Programs.Count > 0 ? code.Programs[0] : code.Title;

    /// <summary>A theme's readable name ("Gifts and favours") from the id the crosswalk gives ("gifts").</summary>
    public string ThemeName(string id) => builder.Tagger.Taxonomy.Themes.FirstOrDefault(t => t.Id == id)?.Name ?? id;

    private string Default(string wanted, int position) =>
        Codes.Any(c => c.Slug == wanted) ? wanted : Codes[Math.Min(position, Codes.Count - 1)].Slug;
}
