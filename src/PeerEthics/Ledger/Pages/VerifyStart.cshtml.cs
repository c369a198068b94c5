using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PeerEthics.Ledger.Pages;

/// <summary><c>/verify</c>: type the commitment id from a certificate to check it.</summary>
public sealed class VerifyStartModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public string? Id { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        if (Id is null)
        {
            return Page();
        }

        var id = Id.Trim().ToLowerInvariant();
        if (CommitmentRecord.IsId(id))
        {
            return Redirect($"/verify/{id}");
        }

        Error = "Enter the commitment id as printed on the certificate: 36 letters, digits and dashes, like 0f8fad5b-d9cb-469f-a165-70867728950e.";
        return Page();
    }
}
