using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PeerEthics.Registry.Pages;

/// <summary><c>/registry/{number}</c>: one listed credential, for anyone.</summary>
public sealed class RegistryEntryModel(RegistrySearch registry) : PageModel
{
    public string Number { get; private set; } = "";

    public RegistryEntry? Entry { get; private set; }

    public DateTimeOffset? LastUpdated { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        Number = number;
        Entry = await registry.FindAsync(number, cancellationToken);
        if (Entry is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        LastUpdated = await registry.LastUpdatedAsync(cancellationToken);
        return Page();
    }
}
