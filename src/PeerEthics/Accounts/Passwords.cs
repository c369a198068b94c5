using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Email;

namespace PeerEthics.Accounts;

public enum PasswordResetStatus
{
    Reset,

    /// <summary>The link is wrong, used or out of date; nothing changed.</summary>
    LinkNotValid,

    /// <summary>The new password breaks a rule; nothing changed. See the errors.</summary>
    Invalid,
}

public sealed record PasswordResetOutcome(PasswordResetStatus Status, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>Changing a password, and resetting a forgotten one by a link in email. Each is audited; no password or token ever is.</summary>
public sealed class Passwords(PeerEthicsDb db, UserManager<User> users, SignInFlow signInFlow, AuditLog audit, Mailer mailer, AccountLinks links)
{
    /// <summary>How long a reset link works (Identity's data-protection token lifespan is set to this).</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(2);

    /// <summary>Changes the password; an empty result means done. Keys are the form's field names.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ChangeAsync(User user, string? current, string? next, string? confirmation)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(current))
        {
            errors["CurrentPassword"] = ["Current password: enter the password you use now."];
        }

        await CheckNewAsync(user, next, confirmation, "NewPassword", "New password", errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        // The change and its audit entry commit together, or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await users.ChangePasswordAsync(user, current!, next!);
        if (!changed.Succeeded)
        {
            await transaction.RollbackAsync();
            return new Dictionary<string, string[]> { ["CurrentPassword"] = [.. changed.Errors.Select(e => AccountRules.Describe(e, "Current password"))] };
        }

        await audit.RecordNowAsync(AccountAudit.PasswordChanged, AccountAudit.UserTarget(user.Id));
        await transaction.CommitAsync();
        await signInFlow.RefreshAsync(user);
        return errors;
    }

    /// <summary>
    /// Sends a reset link when an account has this email, and otherwise does nothing: the page answers the same
    /// either way, so it cannot be used to find out who has an account.
    /// </summary>
    public async Task RequestResetAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await audit.RecordNowAsync(AccountAudit.PasswordResetRequested, AccountAudit.UnknownAccount, AuditOutcome.Failure, detail: "no account has this email", cancellationToken: cancellationToken);
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.ResetPassword(user.Id, WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)));
        var mail = await mailer.SendAsync(AccountEmails.PasswordReset(user, link, ResetLinkLifetime), cancellationToken);
        await audit.RecordNowAsync(AccountAudit.PasswordResetRequested, AccountAudit.UserTarget(user.Id),
            mail is MailOutcome.Sent ? AuditOutcome.Success : AuditOutcome.Failure,
            detail: mail is MailOutcome.Failed(var reason) ? $"email not sent: {reason}" : "link sent by email", cancellationToken: cancellationToken);
    }

    /// <summary>Whether a reset link could work, so the page can say so before the person types a new password.</summary>
    public async Task<User?> FindResetUserAsync(string? userId) =>
        string.IsNullOrEmpty(userId) || userId.Length > 100 ? null : await users.FindByIdAsync(userId);

    public async Task<PasswordResetOutcome> ResetAsync(string? userId, string? encodedToken, string? password, string? confirmation)
    {
        var none = new Dictionary<string, string[]>();
        var user = await FindResetUserAsync(userId);
        if (user is null || Decode(encodedToken) is not { } token)
        {
            return new PasswordResetOutcome(PasswordResetStatus.LinkNotValid, none);
        }

        var errors = new Dictionary<string, string[]>();
        await CheckNewAsync(user, password, confirmation, "NewPassword", "New password", errors);
        if (errors.Count > 0)
        {
            return new PasswordResetOutcome(PasswordResetStatus.Invalid, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var reset = await users.ResetPasswordAsync(user, token, password!);
        if (!reset.Succeeded)
        {
            await transaction.RollbackAsync();
            await audit.RecordNowAsync(AccountAudit.PasswordReset, AccountAudit.UserTarget(user.Id), AuditOutcome.Failure, detail: "link expired or already used");
            return new PasswordResetOutcome(PasswordResetStatus.LinkNotValid, none);
        }

        // Whoever reads the account's email may set its password; a lockout left by a stranger's guesses ends here.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordNowAsync(AccountAudit.PasswordReset, AccountAudit.UserTarget(user.Id), detail: "by a link sent by email");
        await transaction.CommitAsync();
        return new PasswordResetOutcome(PasswordResetStatus.Reset, none);
    }

    private async Task CheckNewAsync(User user, string? password, string? confirmation, string key, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors[key] = [$"{label}: choose a password of at least {IdentitySettings.MinimumPasswordLength} characters."];
            return;
        }

        var messages = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            messages.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => AccountRules.Describe(e, label)));
        }

        if (messages.Count > 0)
        {
            errors[key] = [.. messages];
        }

        if (AccountRules.CheckConfirmation(password, confirmation, $"Confirm {label.ToLowerInvariant()}") is { } mismatch)
        {
            errors["ConfirmPassword"] = [mismatch];
        }
    }

    private static string? Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > 2000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
