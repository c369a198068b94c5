using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PeerEthics.Codes.Pages;

public sealed class IndexModel(CodeReader reader) : PageModel
{
    public IReadOnlyList<CodeSummary> Codes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Codes = await reader.ListAsync(cancellationToken);
}
