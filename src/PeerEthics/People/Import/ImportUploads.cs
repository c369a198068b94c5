using System.Security.Cryptography;
using PeerEthics.Data;

namespace PeerEthics.People.Import;

/// <summary>
/// Files uploaded to the staff import page, kept in the data directory's <c>imports</c> folder under the SHA-256 of
/// their bytes until they are imported, so the confirmation imports exactly the file that was previewed without
/// asking for it again. The name is the hash: uploading the same file twice keeps one copy, and a file read back is
/// checked against its name before it is used. The files hold personal details, so they are removed once imported,
/// and any left unimported are removed after <see cref="KeptFor"/>.
/// </summary>
public sealed class ImportUploads(DatabaseSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(14);

    private string Folder => Path.Combine(settings.DataDirectory, "imports");

    /// <summary>True for a name the store could have given: 64 lower-case hex digits, nothing a path could be made of.</summary>
    public static bool IsId(string? id) => id is { Length: 64 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>Keeps the bytes durably and returns their id (their SHA-256).</summary>
    public async Task<string> SaveAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        RemoveExpired();
        var id = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = PathOf(id);
        if (File.Exists(path))
        {
            File.SetLastWriteTimeUtc(path, clock.GetUtcNow().UtcDateTime);
            return id;
        }

        // Written whole under a temporary name, then renamed: a reader never sees half a file.
        var temporary = Path.Combine(Folder, $"{id}.{Guid.NewGuid():N}.partial");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await stream.WriteAsync(bytes, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        File.SetLastWriteTimeUtc(path, clock.GetUtcNow().UtcDateTime);
        return id;
    }

    /// <summary>The bytes kept under <paramref name="id"/>, or null when there are none (never uploaded, imported, or expired).</summary>
    public async Task<byte[]?> ReadAsync(string? id, CancellationToken cancellationToken)
    {
        if (!IsId(id) || !File.Exists(PathOf(id!)))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(PathOf(id!), cancellationToken);
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == id ? bytes : null;
    }

    public void Delete(string id)
    {
        if (IsId(id) && File.Exists(PathOf(id)))
        {
            File.Delete(PathOf(id));
        }
    }

    private string PathOf(string id) => Path.Combine(Folder, $"{id}.csv");

    private void RemoveExpired()
    {
        var before = clock.GetUtcNow().UtcDateTime - KeptFor;
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < before)
            {
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    // Being read by another request; the next upload tries again.
                }
            }
        }
    }
}
