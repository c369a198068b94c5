using System.Net;
using QRCoder;

namespace PeerEthics.Accounts;

/// <summary>The QR code an authenticator app scans, as inline SVG: no image request, no script, no inline style.</summary>
public static class AuthenticatorQr
{
    public const string Issuer = "PeerEthics";

    /// <summary>The <c>otpauth://</c> address of Google's Key Uri Format, which every authenticator app reads.</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString($"{Issuer}:{email}")}?secret={key}&issuer={Issuer}&digits=6";

    public static string Svg(string otpauthUri, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(240, 240), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        // An image with a name for screen readers; the key beside it is the accessible way to set up.
        return svg.Replace("<svg ", $"<svg role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" class=\"qr-code\" width=\"240\" height=\"240\" focusable=\"false\" ", StringComparison.Ordinal);
    }

    /// <summary>"ABCD EFGH IJKL …": easier to read aloud and to type in groups.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk)));
}
