using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PeerEthics.Audit;

namespace PeerEthics.Accounts;

/// <summary>How a sign-in attempt ended. Failures say nothing about which part was wrong: the page must not either.</summary>
public enum SignInStatus
{
    SignedIn,
    SecondStepNeeded,
    LockedOut,
    Failed,

    /// <summary>The second step was not started, or its five minutes ran out: start again from the password.</summary>
    StepExpired,
}

/// <summary>How a sign-in attempt ended, and for whom.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="User">The account, when one was named.</param>
/// <param name="MustSetUpSecondFactor">A staff account without an authenticator: it goes to set one up before anything else.</param>
public sealed record SignInOutcome(SignInStatus Status, User? User = null, bool MustSetUpSecondFactor = false);

/// <summary>
/// Every way of signing in and out, each audited: password, then an authenticator code or a recovery code;
/// or a passkey alone. Wraps Identity's <see cref="SignInManager{TUser}"/>, which does the checking and lockout.
/// </summary>
public sealed class SignInFlow(SignInManager<User> signIn, UserManager<User> users, AuditLog audit)
{
    private static readonly User Decoy = new() { DisplayName = "" };

    // Checking a password against a hash takes ~100 ms at 210,000 iterations; an unknown email must take as
    // long, or the time of the answer tells a stranger which emails have accounts.
    private static readonly Lazy<string> s_decoyHash = new(() => new PasswordHasher<User>(
        Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = IdentitySettings.PasswordHashIterations }))
        .HashPassword(Decoy, Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> PasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(Decoy, s_decoyHash.Value, password);
            await FailedAsync(null, "no account has this email");
            return new SignInOutcome(SignInStatus.Failed);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await SucceededAsync(user, "password");
            return new SignInOutcome(SignInStatus.SignedIn, user, await MustSetUpSecondFactorAsync(user));
        }

        if (result.RequiresTwoFactor)
        {
            return new SignInOutcome(SignInStatus.SecondStepNeeded, user);
        }

        return await RefusedAsync(user, result, wasLockedOut, "wrong password");
    }

    /// <summary>Whether a password was accepted in this browser and the second step is still waiting (for five minutes).</summary>
    public async Task<bool> SecondStepPendingAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<SignInOutcome> AuthenticatorCodeAsync(string code)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return new SignInOutcome(SignInStatus.StepExpired);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Digits(code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await SucceededAsync(user, "password and authenticator app");
            return new SignInOutcome(SignInStatus.SignedIn, user);
        }

        return await RefusedAsync(user, result, wasLockedOut, "wrong authenticator code");
    }

    public async Task<SignInOutcome> RecoveryCodeAsync(string code)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return new SignInOutcome(SignInStatus.StepExpired);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return await RefusedAsync(user, Microsoft.AspNetCore.Identity.SignInResult.LockedOut, wasLockedOut: true, "");
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(code));
        if (result.Succeeded)
        {
            await SucceededAsync(user, $"password and recovery code ({await users.CountRecoveryCodesAsync(user)} left)");
            return new SignInOutcome(SignInStatus.SignedIn, user);
        }

        // Identity does not count wrong recovery codes towards lockout; this does, so they cannot be guessed at leisure.
        await users.AccessFailedAsync(user);
        var lockedNow = await users.IsLockedOutAsync(user);
        return await RefusedAsync(user, lockedNow ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut : Microsoft.AspNetCore.Identity.SignInResult.Failed, wasLockedOut: false, "wrong recovery code");
    }

    /// <summary>
    /// A passkey is something you have, unlocked by something you are or know (user verification is required),
    /// so the sign-in counts as multi-factor: it carries <c>amr=mfa</c> and satisfies the staff policies.
    /// </summary>
    public async Task<SignInOutcome> PasskeyAsync(string credentialJson)
    {
        PasskeyAssertionResult<User> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No passkey request was started in this browser (or it ran out): ask again from the sign-in page.
            return new SignInOutcome(SignInStatus.StepExpired);
        }

        if (!assertion.Succeeded)
        {
            await FailedAsync(null, "passkey not recognised");
            return new SignInOutcome(SignInStatus.Failed);
        }

        var user = assertion.User;
        if (await users.IsLockedOutAsync(user))
        {
            return await RefusedAsync(user, Microsoft.AspNetCore.Identity.SignInResult.LockedOut, wasLockedOut: true, "");
        }

        if (!await signIn.CanSignInAsync(user) || !assertion.Passkey.IsUserVerified)
        {
            await FailedAsync(user, "passkey sign-in not allowed");
            return new SignInOutcome(SignInStatus.Failed);
        }

        // The new signature counter is kept, so a cloned authenticator shows up as a counter going backwards.
        await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(Policies.MfaClaimType, Policies.MfaClaimValue)]);
        await SucceededAsync(user, "passkey");
        return new SignInOutcome(SignInStatus.SignedIn, user);
    }

    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated == true && users.GetUserId(principal) is { } id)
        {
            audit.Record(AccountAudit.SignOut, AccountAudit.UserTarget(id));
            await signIn.SignOutAsync();
            await users.UpdateSecurityStampAsync(await users.FindByIdAsync(id) ?? throw new InvalidOperationException("The signed-in account no longer exists."));
        }
    }

    /// <summary>
    /// Signs in again with a second factor on record: after a person has just set up their authenticator (and so
    /// proved it with a code) in a session that began with a password.
    /// </summary>
    public async Task ElevateAsync(User user) =>
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(Policies.MfaClaimType, Policies.MfaClaimValue)]);

    /// <summary>Re-issues the sign-in after the security stamp changed, keeping how the person signed in (amr).</summary>
    public Task RefreshAsync(User user) => signIn.RefreshSignInAsync(user);

    public async Task<bool> MustSetUpSecondFactorAsync(User user) =>
        !await users.GetTwoFactorEnabledAsync(user) && (await users.GetRolesAsync(user)).Any(Roles.IsStaff);

    private async Task<SignInOutcome> RefusedAsync(User user, Microsoft.AspNetCore.Identity.SignInResult result, bool wasLockedOut, string reason)
    {
        if (wasLockedOut)
        {
            await FailedAsync(user, "locked out");
            return new SignInOutcome(SignInStatus.LockedOut, user);
        }

        await FailedAsync(user, reason);
        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            await audit.RecordNowAsync(AccountAudit.LockedOut, AccountAudit.UserTarget(user.Id), AuditOutcome.Denied,
                detail: $"{signIn.Options.Lockout.MaxFailedAccessAttempts} failed attempts in a row; locked until {(until is { } end ? AccountRules.When(end) : "further notice")}");
            return new SignInOutcome(SignInStatus.LockedOut, user);
        }

        return new SignInOutcome(SignInStatus.Failed, user);
    }

    private Task SucceededAsync(User user, string how) =>
        audit.RecordNowAsync(AccountAudit.SignIn, AccountAudit.UserTarget(user.Id), detail: how, actor: user.Id, actorName: user.Email);

    private Task FailedAsync(User? user, string reason) =>
        audit.RecordNowAsync(AccountAudit.SignIn, user is null ? AccountAudit.UnknownAccount : AccountAudit.UserTarget(user.Id), AuditOutcome.Failure, detail: reason);

    /// <summary>Authenticator codes as people type them: "123 456" and "123-456" are 123456.</summary>
    internal static string Digits(string code) => new([.. code.Where(char.IsAsciiDigit)]);

    /// <summary>Recovery codes as people type them: any case, with or without the dash or spaces.</summary>
    internal static string RecoveryCode(string code)
    {
        var letters = new string([.. code.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant();
        return letters.Length == 10 ? $"{letters[..5]}-{letters[5..]}" : code.Trim();
    }
}
