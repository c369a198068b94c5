using PeerEthics.Email;

namespace PeerEthics.Accounts;

/// <summary>The account emails, in plain words: what happened, what to do, how long the link works, and what to do if it was not expected.</summary>
public static class AccountEmails
{
    public static EmailMessage Invitation(string email, string? name, string role, Uri link, DateTimeOffset expires) => new(
        email,
        name,
        "You are invited to PeerEthics",
        $"""
        Hello{(string.IsNullOrWhiteSpace(name) ? "" : " " + name)},

        You are invited to create a PeerEthics account as: {Roles.Describe(role)}.

        To create your account, open this link and choose a password:

        {link}

        The link works once, until {AccountRules.When(expires)}. If it stops working, ask the person who invited you to send a new one.

        If you were not expecting this email, you can ignore it. No account is created unless you open the link and choose a password.

        PeerEthics
        """);

    public static EmailMessage PasswordReset(User user, Uri link, TimeSpan lifetime) => new(
        user.Email!,
        user.DisplayName,
        "Reset your PeerEthics password",
        $"""
        Hello {user.DisplayName},

        Someone asked to reset the password of your PeerEthics account. If it was you, open this link and choose a new password:

        {link}

        The link works once, for {lifetime.TotalHours:0} hours. After that you can ask for a new one on the sign-in page.

        If it was not you, you can ignore this email: your password stays the same.

        PeerEthics
        """);
}
