using System.Globalization;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace PeerEthics.Email;

/// <summary>Sends plain-text mail over SMTP, or drops it into the pickup folder (see <see cref="EmailSettings"/>).</summary>
public sealed class Mailer(EmailSettings settings, TimeProvider clock, ILogger<Mailer> logger)
{
    public async Task<MailOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = clock.GetUtcNow(),
            Body = new TextPart("plain") { Text = message.Body },
        };
        mime.From.Add(settings.From);
        mime.To.Add(new MailboxAddress(message.ToName, message.To));

        try
        {
            return settings.Smtp is { } smtp
                ? await SendBySmtpAsync(smtp, mime, cancellationToken)
                : await WriteToPickupAsync(mime, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or MailKit.Net.Smtp.SmtpCommandException
            or SmtpProtocolException or MailKit.Security.AuthenticationException or System.Net.Sockets.SocketException
            or MailKit.Security.SslHandshakeException or ServiceNotConnectedException)
        {
            // A mail server that is down is expected now and then; the caller tells the person what to do instead.
            logger.LogError(e, "Could not send the email \"{Subject}\"", message.Subject);
            return new MailOutcome.Failed(e.Message);
        }
    }

    private static async Task<MailOutcome> SendBySmtpAsync(SmtpSettings smtp, MimeMessage mime, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return new MailOutcome.Sent($"smtp://{smtp.Host}:{smtp.Port}");
    }

    private async Task<MailOutcome> WriteToPickupAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.PickupDirectory);
        var name = $"{clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(settings.PickupDirectory, name);
        // Written beside, then moved: whoever watches the folder never reads half a message.
        var partial = path + ".partial";
        await mime.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        return new MailOutcome.Sent(path);
    }
}
