using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PeerEthics.Codes.Pages;

/// <summary>One version of a code: the version in force (<c>/codes/{code}</c>) or a given one (<c>/codes/{code}/versions/{n}</c>).</summary>
public sealed class CodeModel(CodeReader reader, TimeProvider clock) : PageModel
{
    public CodeVersionView View { get; private set; } = null!;

    /// <summary>The version in force today, which may not be the one shown.</summary>
    public VersionSummary? InForce { get; private set; }

    public string Title => View.Document.Title ?? View.Version.Title;

    public string CodeUrl => $"/codes/{Uri.EscapeDataString(View.Code)}";

    public string VersionUrl => $"{CodeUrl}/versions/{View.Version.Number}";

    public async Task<IActionResult> OnGetAsync(string code, int? number, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(code, number, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        InForce = CodeReader.InForceOn(view.AllVersions, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    /// <summary>Where a version stands today, in words.</summary>
    public string Status(VersionSummary version) =>
        version == InForce ? "in force now"
        : InForce is not null && version.EffectiveDate > InForce.EffectiveDate ? "not yet in force"
        : "no longer in force";
}
