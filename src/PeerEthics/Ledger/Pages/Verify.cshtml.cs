using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PeerEthics.Ledger.Pages;

/// <summary><c>/verify/{id}</c>: anyone checks a signed commitment, in plain words.</summary>
public sealed class VerifyModel(CommitmentVerifier verifier) : PageModel
{
    public string Id { get; private set; } = "";

    public CommitmentVerification? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Id = id;
        Verification = await verifier.VerifyAsync(id, cancellationToken);
        if (Verification is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public static string CheckTitle(string check) => check switch
    {
        CommitmentVerifier.EntryCheck => "The commitment itself",
        CommitmentVerifier.ChainCheck => "The ledger it is kept in",
        CommitmentVerifier.CheckpointCheck => "The ledger's signature",
        CommitmentVerifier.InclusionCheck => "Its place in the ledger",
        CommitmentVerifier.CodeVersionCheck => "The code signed",
        _ => check,
    };
}
