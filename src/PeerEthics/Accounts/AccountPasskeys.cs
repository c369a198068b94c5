using System.Buffers.Text;
using Microsoft.AspNetCore.Identity;
using PeerEthics.Audit;

namespace PeerEthics.Accounts;

public abstract record PasskeyAddOutcome
{
    private PasskeyAddOutcome()
    {
    }

    public sealed record Added(string Name) : PasskeyAddOutcome;

    /// <summary>Nothing was stored; <see cref="Message"/> says what to do.</summary>
    public sealed record Failed(string Message) : PasskeyAddOutcome;
}

/// <summary>A signed-in person's passkeys: the WebAuthn ceremony options, adding, listing and removing. Identity does the cryptography.</summary>
public sealed class AccountPasskeys(SignInManager<User> signIn, UserManager<User> users, AuditLog audit, TimeProvider clock, ILogger<AccountPasskeys> logger)
{
    public const int MaxPasskeys = 10;
    public const int MaxNameLength = 60;

    /// <summary>Options for <c>navigator.credentials.create()</c>; the challenge is kept in a short-lived cookie by Identity.</summary>
    public Task<string> CreationOptionsAsync(User user) =>
        signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = user.Email!, DisplayName = user.DisplayName });

    /// <summary>Options for <c>navigator.credentials.get()</c> with no account named: the passkey says whose it is.</summary>
    public Task<string> RequestOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    public async Task<IList<UserPasskeyInfo>> ListAsync(User user) => await users.GetPasskeysAsync(user);

    public async Task<PasskeyAddOutcome> AddAsync(User user, string? credentialJson, string? name)
    {
        name = string.IsNullOrWhiteSpace(name) ? $"Passkey added on {Web.Display.Date(clock.GetUtcNow())}" : name.Trim();
        if (name.Length > MaxNameLength)
        {
            return new PasskeyAddOutcome.Failed($"Name: use at most {MaxNameLength} characters.");
        }

        if ((await users.GetPasskeysAsync(user)).Count >= MaxPasskeys)
        {
            return new PasskeyAddOutcome.Failed($"Passkeys: an account can have {MaxPasskeys} passkeys. Remove one you no longer use first.");
        }

        if (string.IsNullOrEmpty(credentialJson))
        {
            return new PasskeyAddOutcome.Failed("Passkey: your browser did not give us a passkey. Try again, and follow what your browser or phone asks.");
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            return new PasskeyAddOutcome.Failed("Passkey: this took too long, or was started in another window. Please try again.");
        }

        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id)
        {
            // Why, for whoever runs the server; the person gets plain words. Identity's message holds no secret.
            logger.LogWarning("A passkey for {UserId} was refused: {Reason}", user.Id,
                attestation.Succeeded ? "the passkey names another account" : attestation.Failure.Message);
            return new PasskeyAddOutcome.Failed("Passkey: we could not check this passkey. Please try again, or try another device.");
        }

        var passkey = attestation.Passkey;
        passkey.Name = name;
        audit.Record(AccountAudit.PasskeyAdded, AccountAudit.UserTarget(user.Id), detail: name);
        SecondFactors.Ensure(await users.AddOrUpdatePasskeyAsync(user, passkey));
        return new PasskeyAddOutcome.Added(name);
    }

    /// <summary>Removes one of the person's passkeys, named by its credential id (base64url). False when they have none by that id.</summary>
    public async Task<bool> RemoveAsync(User user, string? credentialId)
    {
        if (string.IsNullOrEmpty(credentialId) || !Base64Url.IsValid(credentialId))
        {
            return false;
        }

        var id = Base64Url.DecodeFromChars(credentialId);
        if (await users.GetPasskeyAsync(user, id) is not { } passkey)
        {
            return false;
        }

        audit.Record(AccountAudit.PasskeyRemoved, AccountAudit.UserTarget(user.Id), detail: passkey.Name);
        SecondFactors.Ensure(await users.RemovePasskeyAsync(user, id));
        return true;
    }

    public static string IdOf(UserPasskeyInfo passkey) => Base64Url.EncodeToString(passkey.CredentialId);
}
