using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.People.Forms;

namespace PeerEthics.Commitments;

/// <summary>
/// The fresh proof of identity a signature needs, whatever the sign-in was: the account's password again, and for
/// staff roles also a code from their authenticator app. Wrong passwords count toward the account's lockout exactly
/// like wrong passwords at sign-in, so the signing form cannot be used to guess one.
/// </summary>
public sealed class SignerCheck(UserManager<User> users, AuditLog audit)
{
    public const string Password = "password";
    public const string PasswordAndTotp = "password+totp";

    /// <summary>Whether the signer must also give an authenticator code: a staff role in this sign-in or on the account.</summary>
    public async Task<bool> NeedsSecondFactorAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.HasStaffRole())
        {
            return true;
        }

        var user = await users.FindByIdAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        cancellationToken.ThrowIfCancellationRequested();
        return user is not null && (await users.GetRolesAsync(user)).Any(Roles.IsStaff);
    }

    /// <summary>
    /// Checks the password (and the code, for staff); adds what is wrong to <paramref name="errors"/> under
    /// <c>password</c> and <c>totp</c>, and returns how the person authenticated, or null when they did not.
    /// </summary>
    public async Task<string?> CheckAsync(ClaimsPrincipal principal, string? password, string? totp, FieldErrors errors, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        if (user is null)
        {
            errors.Add("password", "Your account could not be found. Sign out, sign in again, and then sign.");
            return null;
        }

        var staff = await NeedsSecondFactorAsync(principal, cancellationToken);
        var passwordOk = false;
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "Enter your password. Signing asks for it again to be sure it is you.");
        }
        else if (await users.IsLockedOutAsync(user))
        {
            errors.Add("password", "Your account is locked for 15 minutes after too many wrong passwords. Try again later.");
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            await audit.RecordNowAsync("commitment.sign-refused", AccountAudit.UserTarget(user.Id), AuditOutcome.Failure, "wrong password", cancellationToken: cancellationToken);
            errors.Add("password", "That is not the password of your account. Enter the password you sign in with.");
        }
        else
        {
            await users.ResetAccessFailedCountAsync(user);
            passwordOk = true;
        }

        if (!staff)
        {
            return passwordOk ? Password : null;
        }

        var digits = new string([.. (totp ?? "").Where(char.IsAsciiDigit)]);
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            errors.Add("totp", "Staff sign with a code from an authenticator app, and your account has none. Set one up under Your account, then sign.");
            return null;
        }

        if (digits.Length == 0)
        {
            errors.Add("totp", "Enter the 6-digit code your authenticator app shows now.");
            return null;
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            await audit.RecordNowAsync("commitment.sign-refused", AccountAudit.UserTarget(user.Id), AuditOutcome.Failure, "wrong authenticator code", cancellationToken: cancellationToken);
            errors.Add("totp", "That code is not right. Enter the 6-digit code your authenticator app shows now.");
            return null;
        }

        return passwordOk ? PasswordAndTotp : null;
    }
}
