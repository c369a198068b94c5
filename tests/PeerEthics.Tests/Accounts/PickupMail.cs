using System.Text.RegularExpressions;
using MimeKit;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

/// <summary>The emails the app wrote to its pickup folder (<c>&lt;data directory&gt;/mail</c>), read as a mail client would.</summary>
public static partial class PickupMail
{
    public static IReadOnlyList<MimeMessage> Read(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "mail");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))]
            : [];
    }

    public static IReadOnlyList<MimeMessage> Mail(this PeerEthicsAppFactory app) => Read(app.DataDirectory);

    /// <summary>The one message sent to <paramref name="to"/>.</summary>
    public static MimeMessage To(this IReadOnlyList<MimeMessage> mail, string to) =>
        Assert.Single(mail, m => m.To.Mailboxes.Any(b => b.Address == to));

    /// <summary>The first link in the message's text, as a path and query on the app.</summary>
    public static string LinkPath(this MimeMessage message)
    {
        var match = Link().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"No link in the email \"{message.Subject}\":\n{message.TextBody}");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
