using Microsoft.AspNetCore.Identity;
using PeerEthics.Audit;

namespace PeerEthics.Accounts;

/// <summary>What the set-up page shows: the key to type in by hand, and the same as a QR code.</summary>
public sealed record AuthenticatorSetup(string Key, string GroupedKey, string QrSvg);

/// <summary>The authenticator app and recovery codes of an account: set up, reset, turn off, new codes. Each change is audited.</summary>
public sealed class SecondFactors(UserManager<User> users, SignInFlow signInFlow, AuditLog audit)
{
    public const int RecoveryCodeCount = 10;

    public async Task<AuthenticatorSetup> GetSetupAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            Ensure(await users.ResetAuthenticatorKeyAsync(user));
            // A new key changes the security stamp; keep this session (and its second factor, if any) valid.
            await signInFlow.RefreshAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity made no authenticator key.");
        }

        var uri = AuthenticatorQr.Uri(user.Email!, key);
        return new AuthenticatorSetup(key, AuthenticatorQr.Grouped(key), AuthenticatorQr.Svg(uri, "QR code for your authenticator app"));
    }

    /// <summary>Turns two-factor sign-in on when <paramref name="code"/> matches the key; returns the first recovery codes, or null when it does not match.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(User user, string code)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, SignInFlow.Digits(code)))
        {
            return null;
        }

        audit.Record(AccountAudit.TwoFactorEnabled, AccountAudit.UserTarget(user.Id), detail: "authenticator app");
        Ensure(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = await NewRecoveryCodesAsync(user);
        // The code just typed proves the authenticator, in a session that began with the password.
        await signInFlow.ElevateAsync(user);
        return codes;
    }

    /// <summary>A new key (for a new phone): the old app stops working, and two-factor sign-in is off until set up again.</summary>
    public async Task ResetAsync(User user)
    {
        audit.Record(AccountAudit.TwoFactorReset, AccountAudit.UserTarget(user.Id), detail: "new authenticator key; two-factor off until set up again");
        Ensure(await users.SetTwoFactorEnabledAsync(user, false));
        Ensure(await users.ResetAuthenticatorKeyAsync(user));
        await signInFlow.RefreshAsync(user);
    }

    /// <summary>Turns two-factor sign-in off. Refused (false) for staff, whose role requires it.</summary>
    public async Task<bool> DisableAsync(User user)
    {
        if ((await users.GetRolesAsync(user)).Any(Roles.IsStaff))
        {
            return false;
        }

        audit.Record(AccountAudit.TwoFactorDisabled, AccountAudit.UserTarget(user.Id));
        Ensure(await users.SetTwoFactorEnabledAsync(user, false));
        Ensure(await users.ResetAuthenticatorKeyAsync(user));
        await signInFlow.RefreshAsync(user);
        return true;
    }

    /// <summary>New recovery codes; the old ones stop working. Shown once: only their hashes are kept (<see cref="AccountStore"/>).</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(User user)
    {
        audit.Record(AccountAudit.RecoveryCodesGenerated, AccountAudit.UserTarget(user.Id), detail: $"{RecoveryCodeCount} codes");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount)
            ?? throw new InvalidOperationException("Identity made no recovery codes.");
        return [.. codes];
    }

    internal static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
