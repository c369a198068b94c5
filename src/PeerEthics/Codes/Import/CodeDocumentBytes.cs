using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace PeerEthics.Codes.Import;

/// <summary>
/// The rules for a code document given as a file — on the command line or uploaded to the staff pages — so
/// both accept exactly the same things: UTF-8 text (a byte-order mark is fine), or UTF-16 marked as such by
/// its byte-order mark; no binary data; at most <see cref="MaxBytes"/>. Anything else is refused with what it
/// looks like (a PDF, a Word document, text in an older encoding) and what to do instead; nothing is guessed,
/// since a wrong guess would change the words of a code. Problems are phrased to follow the file's name:
/// "code.pdf is a PDF file…".
/// </summary>
public static class CodeDocumentBytes
{
    /// <summary>1 MB: the longest real code is a few kilobytes; anything this size is not a code of ethics.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static string MaxSize => Size(MaxBytes);

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? problem)
    {
        text = null;
        problem = TooLarge(bytes.Length);
        if (problem is not null)
        {
            return false;
        }

        if (Binary(bytes) is { } kind)
        {
            problem = $"is {kind}, not plain text. Open it, copy all of its text, and paste it in instead (or save it as plain text, UTF-8)";
            return false;
        }

        try
        {
            text = bytes switch
            {
                [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true).GetString(bytes[2..]),
                [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true).GetString(bytes[2..]),
                _ => s_strictUtf8.GetString(bytes),
            };
        }
        catch (DecoderFallbackException)
        {
            problem = "is not UTF-8 text: it looks saved in an older encoding (such as Windows-1252). Save it as plain text in UTF-8 and try again, or paste its text in instead";
            return false;
        }

        problem = Check(text);
        if (problem is not null)
        {
            text = null;
            return false;
        }

        return true;
    }

    /// <summary>What a binary file looks like from its first bytes, or null when it may be text.</summary>
    private static string? Binary(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF file",
        [(byte)'P', (byte)'K', 3, 4, ..] => "a Word document or another zipped file",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "an older Word document",
        [(byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f', ..] => "a rich-text (RTF) file",
        _ => null,
    };

    /// <summary>Why a document of this many bytes is refused, or null when its size is fine.</summary>
    public static string? TooLarge(long bytes) =>
        bytes <= MaxBytes ? null
        : Size(bytes) == MaxSize ? string.Create(CultureInfo.InvariantCulture, $"is {bytes:N0} bytes: a code document can be at most {MaxSize} ({MaxBytes:N0} bytes)")
        : $"is {Size(bytes)}: a code document can be at most {MaxSize}";

    /// <summary>The same rules for text that arrived as text (pasted into a form, sent as JSON); null when it is fine.</summary>
    public static string? Check(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? "is not a text document (it contains binary data)"
        : TooLarge(Encoding.UTF8.GetByteCount(text));

    /// <summary>"1 MB", "2.4 MB", "312 KB", "20 bytes".</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB")
        : bytes >= 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
