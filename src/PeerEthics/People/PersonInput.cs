using System.Net.Mail;
using PeerEthics.People.Forms;

namespace PeerEthics.People;

/// <summary>A new person (or changed details) as the API receives it and a form reads it.</summary>
public sealed record PersonInput(
    string? LegalName,
    string? PreferredName,
    string? Email,
    string? Phone,
    string? PostalAddress,
    int? OrganisationId,
    int? SupervisorId,
    string? UserEmail)
{
    public const int MaxNameLength = 200;

    /// <summary>The shape rules; whether the organisation, supervisor and account exist is checked against the database.</summary>
    public void Validate(FieldErrors errors)
    {
        if (FormValues.Clean(LegalName) is not { } legal)
        {
            errors.Add("legalName", "Enter the person's legal name, as on their certificate.");
        }
        else if (legal.Length > MaxNameLength)
        {
            errors.Add("legalName", $"The legal name can be at most {MaxNameLength} characters long.");
        }

        if (PreferredName is { } preferred && preferred.Trim().Length > MaxNameLength)
        {
            errors.Add("preferredName", $"The preferred name can be at most {MaxNameLength} characters long.");
        }

        if (FormValues.Clean(Email) is { } email && !IsEmail(email))
        {
            errors.Add("email", "The email address must look like name@example.org.");
        }

        if (FormValues.Clean(Phone) is { } phone && (phone.Length > 40 || !phone.Any(char.IsAsciiDigit) || phone.Any(c => !(char.IsAsciiDigit(c) || " +-().x".Contains(c, StringComparison.Ordinal)))))
        {
            errors.Add("phone", "The phone number can have digits, spaces, + - ( ) and x for an extension, such as (617) 555-0100.");
        }

        if (PostalAddress is { Length: > 500 })
        {
            errors.Add("postalAddress", "The postal address can be at most 500 characters long.");
        }

        if (FormValues.Clean(UserEmail) is { } account && !IsEmail(account))
        {
            errors.Add("userEmail", "The account's email address must look like name@example.org.");
        }
    }

    public static bool IsEmail(string text) =>
        text.Length <= 320 && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);
}

/// <summary>A status change: the new status and why (the reason is kept in the history and shown to the person).</summary>
public sealed record StatusChangeInput(string? Status, string? Reason, int? Version = null)
{
    public const int MaxReasonLength = 1000;
}

/// <summary>Opening a person's credential with a program.</summary>
public sealed record CredentialInput(string? Program, string? Status, string? Reason);
