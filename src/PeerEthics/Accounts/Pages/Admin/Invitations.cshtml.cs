using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PeerEthics.Email;

namespace PeerEthics.Accounts.Pages.Admin;

/// <summary><c>/admin/invitations</c>: invite a person (email, name, role), see the invitations still waiting, withdraw one.</summary>
[Authorize(Policy = Policies.Invite)]
public sealed class InvitationsModel(InvitationService invitations) : AccountPageModel
{
    protected override IReadOnlyList<string> FieldOrder => [nameof(Email), nameof(DisplayName), nameof(Role)];

    public const string Path = "/admin/invitations";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public Guid? InvitationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sent { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Revoked { get; set; }

    public IReadOnlyList<Invitation> Pending { get; private set; } = [];

    /// <summary>Set when the email could not be sent: the link, to pass on another way. Shown in this answer only.</summary>
    public Uri? UnsentLink { get; private set; }

    public string? UnsentTo { get; private set; }

    /// <summary>The roles this person may hand out: staff roles only by administrators.</summary>
    public IReadOnlyList<string> OfferedRoles => User.IsInRole(Roles.Administrator) ? Roles.All : [.. Roles.All.Where(r => !Roles.IsStaff(r))];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Pending = await invitations.ListPendingAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var by = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var outcome = await invitations.CreateAsync(new NewInvitation(Email, DisplayName, Role), by, User.IsInRole(Roles.Administrator), cancellationToken);
        switch (outcome)
        {
            case InvitationOutcome.Created(var invitation, _, MailOutcome.Sent):
                return Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, "sent", invitation.Email!));
            case InvitationOutcome.Created(var invitation, var link, _):
                UnsentLink = link;
                UnsentTo = invitation.Email;
                (Email, DisplayName, Role) = (null, null, null);
                break;
            case InvitationOutcome.Refused(var errors):
                AddErrors(errors);
                break;
        }

        Pending = await invitations.ListPendingAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        var by = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        if (InvitationId is not { } id || !await invitations.RevokeAsync(id, by, cancellationToken))
        {
            ModelState.AddModelError("", "Invitation: it is no longer waiting (it was used, withdrawn, or has expired), so there is nothing to withdraw.");
            Pending = await invitations.ListPendingAsync(cancellationToken);
            return Page();
        }

        return Redirect(Path + "?revoked=true");
    }
}
