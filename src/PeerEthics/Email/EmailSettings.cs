using MailKit.Security;
using MimeKit;
using PeerEthics.Data;

namespace PeerEthics.Email;

/// <summary>
/// How mail leaves the app. With <c>Email:Smtp:Host</c> set, through that SMTP server (<c>Port</c>, <c>User</c>,
/// <c>Password</c>, <c>From</c>, <c>Security</c> beside it); otherwise into the pickup folder
/// <c>&lt;data directory&gt;/mail</c> as <c>.eml</c> files, so invitations and password resets work on a fresh
/// machine and a person (or a test) can open them.
/// </summary>
public sealed record EmailSettings(SmtpSettings? Smtp, string PickupDirectory, MailboxAddress From)
{
    public const string DefaultFrom = "PeerEthics <peerethics@localhost>";

    public static EmailSettings Read(IConfiguration configuration, DatabaseSettings database)
    {
        var smtp = configuration.GetSection("Email:Smtp");
        var from = MailboxAddress.Parse(smtp["From"] is { Length: > 0 } configured ? configured : DefaultFrom);
        var pickup = Path.Combine(database.DataDirectory, "mail");
        if (string.IsNullOrWhiteSpace(smtp["Host"]))
        {
            return new EmailSettings(null, pickup, from);
        }

        var port = int.TryParse(smtp["Port"], System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 587;
        var user = smtp["User"];
        // Never send a password in the clear: with credentials, TLS is required (465 from the start, else STARTTLS).
        var defaultSecurity = port == 465 ? SecureSocketOptions.SslOnConnect
            : string.IsNullOrEmpty(user) ? SecureSocketOptions.StartTlsWhenAvailable
            : SecureSocketOptions.StartTls;
        var security = Enum.TryParse<SecureSocketOptions>(smtp["Security"], ignoreCase: true, out var s) ? s : defaultSecurity;
        return new EmailSettings(new SmtpSettings(smtp["Host"]!, port, user, smtp["Password"], security), pickup, from);
    }
}

public sealed record SmtpSettings(string Host, int Port, string? User, string? Password, SecureSocketOptions Security);
