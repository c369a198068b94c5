using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.People;

namespace PeerEthics.ContinuingEducation.My;

/// <summary>A signed-in person's own record. Any account may open it; one without a linked record is told how to get one.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyRecordModel(PeopleDirectory people, CeLog ce, Campaigns.CampaignDashboard campaigns) : PageModel
{
    public PersonView? Me { get; private set; }

    public DateOnly Today => ce.Today;

    public Dictionary<int, CeProgress?> Progress { get; } = [];

    /// <summary>New code versions the person has not signed (flagged when overdue).</summary>
    public IReadOnlyList<Campaigns.PersonCampaign> CommitmentsDue { get; private set; } = [];

    public Dictionary<int, IReadOnlyList<CeActivityView>> Activities { get; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Recorded { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Me = await people.ReadOwnAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (Me is not null)
        {
            CommitmentsDue = await campaigns.UnsignedForPersonAsync(Me.Id, cancellationToken);
        }

        foreach (var credential in Me?.Credentials ?? [])
        {
            Progress[credential.Id] = await ce.ProgressAsync(credential, cancellationToken);
            Activities[credential.Id] = await ce.ForCredentialAsync(credential.Id, cancellationToken);
        }
    }
}
