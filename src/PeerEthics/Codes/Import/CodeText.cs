using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PeerEthics.Codes.Import;

/// <summary>
/// The canonical text of a code document, whose SHA-256 identifies a published version. Canonical means:
/// no byte-order mark, LF line endings, Unicode NFC, no trailing spaces on a line, no leading or trailing
/// blank lines. Two files that differ only in those respects are the same version.
/// </summary>
public static class CodeText
{
    public static string Canonicalize(string source)
    {
        var text = source.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        text = text.Normalize(NormalizationForm.FormC);
        var lines = text.Split('\n').Select(line => line.TrimEnd());
        return string.Join('\n', lines).Trim('\n');
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 canonical text.</summary>
    public static string Hash(string source)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(source)));
        return Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);
    }
}
