using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PeerEthics.Audit;

namespace PeerEthics.Accounts.Pages;

/// <summary><c>/account/invitation?token=</c>: the link from an invitation. Choosing a password makes the account and signs in.</summary>
public sealed class InvitationModel(InvitationService invitations, SignInManager<User> signIn, AuditLog audit) : AccountPageModel
{
    protected override IReadOnlyList<string> FieldOrder => [nameof(Email), nameof(DisplayName), nameof(Password), nameof(ConfirmPassword)];

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public Invitation? Invitation { get; private set; }

    /// <summary>Why the link cannot be used, when it cannot.</summary>
    public InvitationState? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var lookup = await invitations.FindAsync(Token, cancellationToken);
        if (lookup.State != InvitationState.Pending)
        {
            await invitations.RecordRefusalAsync(lookup, cancellationToken);
            Refused = lookup.State;
            return Page();
        }

        Invitation = lookup.Invitation;
        DisplayName = Invitation!.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await invitations.AcceptAsync(Token, new Acceptance(Email, DisplayName, Password, ConfirmPassword), cancellationToken);
        switch (outcome)
        {
            case AcceptOutcome.Accepted(var user, var role):
                await signIn.SignInAsync(user, isPersistent: false);
                await audit.RecordNowAsync(AccountAudit.SignIn, AccountAudit.UserTarget(user.Id), detail: "new account, by invitation", actor: user.Id, actorName: user.Email, cancellationToken: cancellationToken);
                return Redirect(Roles.IsStaff(role) ? TwoFactorModel.Path + "?required=true" : IndexModel.Path + "?welcome=1");
            case AcceptOutcome.Refused(var reason):
                Refused = reason;
                return Page();
            case AcceptOutcome.Invalid(var errors):
                AddErrors(errors);
                Invitation = (await invitations.FindAsync(Token, cancellationToken)).Invitation;
                return Page();
            default:
                throw new InvalidOperationException("Unexpected acceptance outcome.");
        }
    }
}
