using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace PeerEthics.Codes.Import;

/// <summary>
/// The rules for a code document given as a file — on the command line or uploaded to the staff pages — so
/// both accept exactly the same things: UTF-8 text (a byte-order mark is fine), no binary data, at most
/// <see cref="MaxBytes"/>. Problems are phrased to follow the file's name: "code.pdf is not UTF-8 text…".
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

        try
        {
            text = s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problem = "is not UTF-8 text; save it as UTF-8 and try again";
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

    /// <summary>Why a document of this many bytes is refused, or null when its size is fine.</summary>
    public static string? TooLarge(long bytes) =>
        bytes > MaxBytes ? $"is {Size(bytes)}: a code document can be at most {MaxSize}" : null;

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
