using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.ContinuingEducation;
using PeerEthics.People;

namespace PeerEthics.Commitments.My;

/// <summary><c>/my/commitments</c>: what the person signed (with the check and the certificate of each), and what they have yet to sign.</summary>
[Authorize(Policy = Policies.SelfService)]
public sealed class MyCommitmentsModel(PeopleDirectory people, CommitmentIndex index, CommitmentSigning signing, Campaigns.CampaignDashboard campaigns) : PageModel
{
    public IReadOnlyList<MyCommitment> Commitments { get; private set; } = [];

    /// <summary>The person's programs whose code version in force they have not signed.</summary>
    public List<SigningPage> ToSign { get; } = [];

    /// <summary>The commitment just signed (the form redirects here with its id).</summary>
    [BindProperty(SupportsGet = true, Name = "signed")]
    public string? SignedId { get; set; }

    /// <summary>New code versions of re-commitment campaigns the person has not signed (flagged when overdue).</summary>
    public IReadOnlyList<Campaigns.PersonCampaign> CommitmentsDue { get; private set; } = [];

    public DateOnly Today => index.Today;

    public MyCommitment? JustSigned => Commitments.FirstOrDefault(c => c.CommitmentId == SignedId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var personId = await MyApi.PersonIdAsync(User, people, cancellationToken);
        Commitments = await index.ForPersonAsync(personId, cancellationToken);
        CommitmentsDue = await campaigns.UnsignedForPersonAsync(personId, cancellationToken);
        foreach (var (slug, _) in await signing.ProgramsOfAsync(personId, cancellationToken))
        {
            if (await signing.PrepareAsync(personId, slug, cancellationToken) is { SignedCommitmentId: null, Ineligible: null } page)
            {
                ToSign.Add(page);
            }
        }
    }
}
