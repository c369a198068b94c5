using PeerEthics.Data;

namespace PeerEthics.ContinuingEducation;

/// <summary>A checked evidence file ready to store.</summary>
public sealed record EvidenceUpload(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Evidence files in the data directory's <c>evidence</c> folder, under names PeerEthics chooses. Only PDF, PNG and
/// JPEG up to <see cref="MaxBytes"/>, recognised by their first bytes, not by the name or the browser's claim.
/// </summary>
public sealed class EvidenceStore(DatabaseSettings settings)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public const string Rule = "The evidence file must be a PDF, PNG or JPEG of at most 5 MB.";

    private string Folder => Path.Combine(settings.DataDirectory, "evidence");

    /// <summary>The file's type from its content, or null when it is not one PeerEthics accepts.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> content) => content switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf", // %PDF-
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ => null,
    };

    public static string ExtensionFor(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        _ => ".jpg",
    };

    /// <summary>Reads an uploaded file, checking its size and type; a problem is a message naming the rule.</summary>
    public static async Task<(EvidenceUpload? Upload, string? Problem)> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return (null, null);
        }

        if (file.Length > MaxBytes)
        {
            return (null, $"The evidence file is {file.Length / 1024 / 1024.0:0.#} MB. {Rule}");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (TypeOf(content) is not { } type)
        {
            return (null, $"The evidence file is not a PDF, PNG or JPEG. {Rule}");
        }

        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        return (new EvidenceUpload(name.Length > 255 ? name[^255..] : name, type, content), null);
    }

    /// <summary>Writes the file durably and returns its stored name.</summary>
    public async Task<string> SaveAsync(EvidenceUpload upload, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var stored = $"{Guid.NewGuid():N}{ExtensionFor(upload.ContentType)}";
        var path = Path.Combine(Folder, stored);
        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await stream.WriteAsync(upload.Content, cancellationToken);
        }

        return stored;
    }

    public Stream? Open(string storedName)
    {
        // Stored names are ours (a GUID and an extension); anything else is refused rather than joined to a path.
        if (storedName.Length > 40 || storedName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '.')))
        {
            return null;
        }

        var path = Path.Combine(Folder, storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string storedName)
    {
        var path = Path.Combine(Folder, storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
