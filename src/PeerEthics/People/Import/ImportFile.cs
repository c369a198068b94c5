using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using PeerEthics.Codes.Import;

namespace PeerEthics.People.Import;

/// <summary>
/// What a people import file must be, the same for the command line, the staff page and the API: CSV text in
/// UTF-8 (a byte-order mark is fine: Excel's "CSV UTF-8" writes one), at most <see cref="MaxBytes"/>. Nothing is
/// guessed: a file in an older encoding would have its accented names changed, so it is refused with what to do.
/// Problems are phrased to follow the file's name: "people.xlsx is an Excel workbook…".
/// </summary>
public static class ImportFile
{
    /// <summary>5 MB: some 25,000 rows, more people than any one program has.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public static string MaxSize => "5 MB";

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Why a file of this many bytes is refused, or null when its size is fine.</summary>
    public static string? TooLarge(long bytes) =>
        bytes <= MaxBytes ? null
        : string.Create(CultureInfo.InvariantCulture, $"is {CodeDocumentBytes.Size(bytes)} ({bytes:N0} bytes): an import file can be at most {MaxSize} ({MaxBytes:N0} bytes). Split it into smaller files and import each");

    /// <summary>The file's text without its byte-order mark, or why it cannot be read.</summary>
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
            problem = $"is {kind}, not a CSV file. Open it in your spreadsheet program and save it as \"CSV UTF-8 (comma delimited)\", then import that file";
            return false;
        }

        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            problem = "is saved as UTF-16 (\"Unicode text\"), not UTF-8. Save it as \"CSV UTF-8 (comma delimited)\" and import that file";
            return false;
        }

        try
        {
            text = s_strictUtf8.GetString(bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes[3..] : bytes);
        }
        catch (DecoderFallbackException)
        {
            problem = "is not UTF-8 text: it looks saved in an older encoding (such as Windows-1252), which would change accented letters. Save it as \"CSV UTF-8 (comma delimited)\" and import that file";
            return false;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            text = null;
            problem = "is not a text file (it contains binary data). Save it from your spreadsheet program as \"CSV UTF-8 (comma delimited)\"";
            return false;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            text = null;
            problem = $"is empty. The first row names the columns ({string.Join(", ", ImportColumns.All.Where(c => c.Required).Select(c => c.Name))} at least); each row after it is one person";
            return false;
        }

        return true;
    }

    /// <summary>What a binary file looks like from its first bytes, or null when it may be text.</summary>
    private static string? Binary(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [(byte)'P', (byte)'K', 3, 4, ..] => "an Excel workbook (or another zipped file)",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "an older Excel workbook",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF file",
        _ => null,
    };

    /// <summary>Only the name, never a path a browser may send; short enough to show and to store in the audit trail.</summary>
    public static string SafeName(string? name)
    {
        var clean = Path.GetFileName((name ?? "").Replace('\\', '/')).Trim();
        clean = new string([.. clean.Select(c => char.IsControl(c) ? '_' : c)]);
        return clean.Length == 0 ? "(no name)" : clean.Length > 200 ? clean[^200..] : clean;
    }
}
