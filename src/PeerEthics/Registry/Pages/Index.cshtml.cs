using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.People.Forms;

namespace PeerEthics.Registry.Pages;

/// <summary><c>/registry</c>: anyone searches the registry by name, or types a credential number to look it up.</summary>
public sealed class RegistryIndexModel(RegistrySearch registry) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "number")]
    public string? Number { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    public RegistrySearchResult? Result { get; private set; }

    public DateTimeOffset? LastUpdated { get; private set; }

    // The page number is read from the query string itself: "page" is also the route value naming the Razor Page.
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // An empty box still sends "number=": the person asked for a number, so it is an error, not the blank page.
        if (Number is not null || Request.Query.ContainsKey("number"))
        {
            var number = (Number ?? "").Trim().ToUpperInvariant();
            if (number.Length == 0)
            {
                Errors.Add("number", "Enter a credential number, as printed on the certificate, for example CPS-000123.");
            }
            else
            {
                return Redirect($"/registry/{Uri.EscapeDataString(number)}");
            }
        }
        else if (Query is not null || Request.Query.ContainsKey("q"))
        {
            switch (await registry.SearchAsync(Query, RegistrySearch.PageNumber(Request.Query["page"].FirstOrDefault()), cancellationToken))
            {
                case Outcome<RegistrySearchResult>.Done(var result):
                    Result = result;
                    LastUpdated = result.LastUpdated;
                    return Page();
                case Outcome<RegistrySearchResult>.Refused(var errors):
                    // The page number is in the address, not a field: its message links to the name box.
                    foreach (var (field, message) in errors.All)
                    {
                        Errors.Add(field == "page" ? "q" : field, message);
                    }

                    break;
            }
        }

        LastUpdated = await registry.LastUpdatedAsync(cancellationToken);
        return Page();
    }

    public string PageLink(int page) => $"/registry?q={Uri.EscapeDataString(Query ?? "")}&page={page}";
}
