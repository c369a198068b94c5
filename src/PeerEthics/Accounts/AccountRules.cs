using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;

namespace PeerEthics.Accounts;

/// <summary>
/// The rules for what people type into account forms, with messages that name the field and the rule. Shared
/// by the pages and the command line so both say the same thing.
/// </summary>
public static class AccountRules
{
    public const int MaxEmailLength = 256;
    public const int MaxNameLength = 100;

    public static string? CheckEmail(string? email, string field = "Email address")
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return $"{field}: enter an email address, like name@example.org.";
        }

        if (trimmed.Length > MaxEmailLength || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            return $"{field}: enter an email address in the right form, like name@example.org.";
        }

        return null;
    }

    public static string? CheckName(string? name, string field = "Name")
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return $"{field}: enter the name to show on pages and in email.";
        }

        return trimmed.Length > MaxNameLength
            ? string.Create(CultureInfo.InvariantCulture, $"{field}: use at most {MaxNameLength} characters.")
            : null;
    }

    public static string? CheckRole(string? role) =>
        role is not null && Roles.All.Contains(role)
            ? null
            : $"Role: choose one of {string.Join(", ", Roles.All.Select(Roles.Describe))}.";

    public static string? CheckConfirmation(string? password, string? confirmation, string field = "Confirm password") =>
        string.Equals(password, confirmation, StringComparison.Ordinal) ? null : $"{field}: type the same password again.";

    /// <summary>Identity's password errors in plain words, under the field they belong to.</summary>
    public static string Describe(IdentityError error, string field = "Password") => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => string.Create(CultureInfo.InvariantCulture,
            $"{field}: use at least {IdentitySettings.MinimumPasswordLength} characters. A few words in a row are easy to remember and hard to guess."),
        nameof(IdentityErrorDescriber.PasswordMismatch) => $"{field}: that is not your current password.",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            "Email address: an account already uses this email address. Sign in instead, or use another address.",
        nameof(IdentityErrorDescriber.InvalidToken) => "This link has expired or has already been used.",
        _ => $"{field}: {error.Description}",
    };

    /// <summary>"30 November 2026 at 09:00 UTC": every time in PeerEthics is UTC, and says so.</summary>
    public static string When(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
