using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.Web;

namespace PeerEthics.Codes.Staff;

/// <summary><c>/staff/codes/drafts/{id}/discard</c>: asks first, since a discarded draft is gone for good.</summary>
[Authorize(Policy = Policies.ManageCodes)]
public sealed class DiscardDraftModel(DraftPreviewReader previews, CodeDraftStore drafts) : PageModel
{
    public DraftPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await previews.GetAsync(id, cancellationToken) is not { } preview)
        {
            return NotFound();
        }

        Preview = preview;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await drafts.DiscardAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData.Confirm("The draft is discarded.");
        return Redirect("/staff/codes");
    }
}
