using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;

namespace PeerEthics.Codes.Staff;

/// <summary><c>/staff/codes</c>: the drafts of code versions, newest first, and the way to add one.</summary>
[Authorize(Policy = Policies.ManageCodes)]
public sealed class DraftsModel(CodeDraftStore drafts, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<DraftSummary> Drafts { get; private set; } = [];

    /// <summary>Administrators also keep the audit trail: the page leads them there.</summary>
    public bool MayAdminister { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Drafts = await drafts.ListAsync(cancellationToken);
        MayAdminister = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
    }
}
