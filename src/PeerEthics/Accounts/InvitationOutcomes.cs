using PeerEthics.Email;

namespace PeerEthics.Accounts;

/// <summary>What a staff member (or the command line) asks for: who, under what name, in which role.</summary>
public sealed record NewInvitation(string? Email, string? DisplayName, string? Role);

/// <summary>What the invited person gives when accepting.</summary>
public sealed record Acceptance(string? Email, string? DisplayName, string? Password, string? ConfirmPassword);

/// <summary>Where an invitation link stands.</summary>
public enum InvitationState
{
    Pending,
    Expired,
    Used,
    Revoked,
    Unknown,
}

public sealed record InvitationLookup(InvitationState State, Invitation? Invitation);

public abstract record InvitationOutcome
{
    private InvitationOutcome()
    {
    }

    /// <summary>Stored and, when it has an email, sent. <see cref="Link"/> is the only copy of the token.</summary>
    public sealed record Created(Invitation Invitation, Uri Link, MailOutcome? Mail) : InvitationOutcome;

    /// <summary>Nothing was stored; each error names the field and the rule.</summary>
    public sealed record Refused(IReadOnlyDictionary<string, string[]> Errors) : InvitationOutcome;
}

public abstract record AcceptOutcome
{
    private AcceptOutcome()
    {
    }

    public sealed record Accepted(User User, string Role) : AcceptOutcome;

    /// <summary>The link cannot be used (expired, used, revoked, unknown); nothing changed.</summary>
    public sealed record Refused(InvitationState Reason) : AcceptOutcome;

    /// <summary>The form needs correcting; nothing changed. Keys are the form's field names.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : AcceptOutcome;
}

/// <summary>The first administrator's invitation. <see cref="Token"/> is the only copy: print the link once, keep it nowhere.</summary>
public sealed record FirstAdministratorInvitation(Invitation Invitation, string Token)
{
    public Uri Link(AccountLinks links) => links.Invitation(Token);
}

public enum FirstAdministratorState
{
    /// <summary>An administrator account exists.</summary>
    Exists,

    /// <summary>No administrator yet, but an invitation for one is waiting.</summary>
    InvitationWaiting,

    /// <summary>No administrator and no invitation for one.</summary>
    Needed,
}
