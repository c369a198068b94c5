namespace PeerEthics.Accounts;

/// <summary>
/// The audit actions of the accounts feature, and their targets. Details are short reasons or role names:
/// never a password, a token, a code, or an email address nobody has an account for (people type their
/// password into the email field more often than one would think).
/// </summary>
public static class AccountAudit
{
    public const string SignIn = "account.sign-in";
    public const string SignOut = "account.sign-out";
    public const string LockedOut = "account.locked-out";
    public const string TwoFactorEnabled = "account.two-factor-enabled";
    public const string TwoFactorDisabled = "account.two-factor-disabled";
    public const string TwoFactorReset = "account.two-factor-reset";
    public const string RecoveryCodesGenerated = "account.recovery-codes-generated";
    public const string PasskeyAdded = "account.passkey-added";
    public const string PasskeyRemoved = "account.passkey-removed";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordResetRequested = "account.password-reset-requested";
    public const string PasswordReset = "account.password-reset";
    public const string RoleGranted = "account.role-granted";
    public const string RoleRevoked = "account.role-revoked";
    public const string InvitationCreated = "invitation.created";
    public const string InvitationAccepted = "invitation.accepted";
    public const string InvitationRefused = "invitation.refused";
    public const string InvitationRevoked = "invitation.revoked";

    /// <summary>The target for an attempt that names no account: the attempt is recorded, what was typed is not.</summary>
    public const string UnknownAccount = "user:unknown";

    public static string UserTarget(string userId) => $"user:{userId}";

    public static string InvitationTarget(Guid id) => $"invitation:{id}";
}
