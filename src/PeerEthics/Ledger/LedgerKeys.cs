using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using PeerEthics.Cli;
using PeerEthics.Data;

namespace PeerEthics.Ledger;

/// <summary>
/// Where the ledger keeps its key and which address its certificates point to. <c>Ledger:SigningKeyPath</c>
/// (default: <c>ledger-signing-key.pem</c> in the data directory); <c>App:BaseUrl</c> (default
/// <see cref="ServeCommand.DefaultUrl"/>).
/// </summary>
public sealed record LedgerSettings(string SigningKeyPath, string BaseUrl)
{
    public static LedgerSettings From(IConfiguration configuration)
    {
        var keyPath = configuration["Ledger:SigningKeyPath"];
        keyPath = string.IsNullOrWhiteSpace(keyPath)
            ? Path.Combine(DatabaseSettings.ResolveDataDirectory(configuration), "ledger-signing-key.pem")
            : Path.GetFullPath(keyPath);
        var baseUrl = configuration["App:BaseUrl"];
        return new LedgerSettings(keyPath, (string.IsNullOrWhiteSpace(baseUrl) ? ServeCommand.DefaultUrl : baseUrl).TrimEnd('/'));
    }

    public string VerifyUrl(string commitmentId) => $"{BaseUrl}/verify/{commitmentId}";
}

/// <summary>
/// An Ed25519 public key that checkpoints are checked against. Its id is the first 16 hex digits of the
/// SHA-256 of the raw 32-byte key, so a person can compare keys by eye.
/// </summary>
public sealed class LedgerPublicKey
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly PublicKey _key;

    private LedgerPublicKey(PublicKey key)
    {
        _key = key;
        Raw = key.Export(KeyBlobFormat.RawPublicKey);
        KeyId = Convert.ToHexStringLower(SHA256.HashData(Raw))[..16];
    }

    public byte[] Raw { get; }

    public string KeyId { get; }

    public string Base64 => Convert.ToBase64String(Raw);

    public string Pem => Encoding.ASCII.GetString(_key.Export(KeyBlobFormat.PkixPublicKeyText)).Trim();

    internal static LedgerPublicKey From(PublicKey key) => new(key);

    public bool Verify(string statement, string signatureBase64)
    {
        var signature = new byte[64];
        return Convert.TryFromBase64String(signatureBase64, signature, out var written) && written == 64
            && Ed25519.Verify(_key, Encoding.UTF8.GetBytes(statement), signature);
    }

    /// <summary>
    /// Reads a published key: base64 of the raw 32 bytes, a PEM <c>PUBLIC KEY</c>, or the JSON of
    /// <c>GET /api/ledger/public-key</c>. Null when it is none of these.
    /// </summary>
    public static LedgerPublicKey? Parse(string text)
    {
        text = text.Trim();
        try
        {
            if (text.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(text);
                return json.RootElement.TryGetProperty("publicKey", out var value) && value.GetString() is { } inner ? Parse(inner) : null;
            }

            if (text.Contains("BEGIN PUBLIC KEY", StringComparison.Ordinal))
            {
                return PublicKey.TryImport(Ed25519, Encoding.ASCII.GetBytes(text), KeyBlobFormat.PkixPublicKeyText, out var pem) ? new LedgerPublicKey(pem!) : null;
            }

            var bytes = Convert.FromBase64String(text);
            return PublicKey.TryImport(Ed25519, bytes, KeyBlobFormat.RawPublicKey, out var raw) ? new LedgerPublicKey(raw!) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>
/// The ledger's Ed25519 signing key: a PEM file (PKCS#8) in the data directory, created on first start
/// readable and writable by its owner only. Losing it does not break the ledger — old checkpoints stay
/// verifiable with the published public key — but a new key must then be published alongside the old one.
/// </summary>
public sealed class LedgerSigningKey : IDisposable
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private LedgerSigningKey(Key key, string path)
    {
        _key = key;
        Path = path;
        Public = LedgerPublicKey.From(key.PublicKey);
    }

    public string Path { get; }

    public LedgerPublicKey Public { get; }

    public string KeyId => Public.KeyId;

    public string Sign(string statement) => Convert.ToBase64String(Ed25519.Sign(_key, Encoding.UTF8.GetBytes(statement)));

    /// <summary>
    /// Reads the key at <paramref name="path"/>, creating it (owner-only permissions) when there is none. Creating
    /// holds an <see cref="ExclusiveFileLock"/> (so two processes starting at once make one key) and writes the key
    /// whole to a temporary file, flushed to disk, before renaming it into place: a process killed while creating it
    /// leaves no key or the whole key, never part of one.
    /// </summary>
    public static LedgerSigningKey LoadOrCreate(string path)
    {
        if (Load(path) is { } existing)
        {
            return existing;
        }

        using (ExclusiveFileLock.Acquire(path + ".lock", TimeSpan.FromSeconds(30)))
        {
            if (Load(path) is { } madeMeanwhile)
            {
                return madeMeanwhile;
            }

            // Holding the lock, any temporary key file is one a killed process never moved into place: never used.
            var name = System.IO.Path.GetFileName(path);
            foreach (var abandoned in Directory.EnumerateFiles(System.IO.Path.GetDirectoryName(path)!, $"{name}.*.partial"))
            {
                File.Delete(abandoned);
            }

            using var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
            var temporary = $"{path}.{Guid.NewGuid():N}.partial";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            {
                file.Write(key.Export(KeyBlobFormat.PkixPrivateKeyText));
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }

        return Load(path) ?? throw new InvalidOperationException($"The ledger signing key at {path} could not be read back.");
    }

    /// <summary>The key at <paramref name="path"/>, or null when there is no file. A file that is not a key is an error.</summary>
    public static LedgerSigningKey? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0)
        {
            throw new InvalidOperationException(
                $"The ledger signing key file {path} is empty: a start of an older version was stopped while creating it (keys are now written whole). "
                + "No checkpoint can have been signed with it: delete the empty file and start again.");
        }

        if (!Key.TryImport(Ed25519, bytes, KeyBlobFormat.PkixPrivateKeyText, out var key))
        {
            throw new InvalidOperationException($"The file {path} is not an Ed25519 private key (PEM). Restore the ledger signing key, or set Ledger:SigningKeyPath.");
        }

        return new LedgerSigningKey(key!, path);
    }

    public void Dispose() => _key.Dispose();
}
