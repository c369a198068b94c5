using PeerEthics.Data;
using PeerEthics.Ledger;

namespace PeerEthics.Tests.Durability;

/// <summary>
/// The ledger's signing key is made on first start. A start killed while making it (the crash test kills starts) must
/// leave no key or the whole key, and two processes starting at once must end with one key.
/// </summary>
public sealed class SigningKeyFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("peerethics-keyfile-").FullName;

    private string KeyPath => Path.Combine(_directory, "ledger-signing-key.pem");

    [Fact]
    public void A_start_waits_for_a_key_another_process_is_writing_and_uses_that_key_instead_of_making_a_second()
    {
        LedgerSigningKey? theirs = null;
        LedgerSigningKey? ours = null;
        var other = Path.Combine(_directory, "elsewhere", "key.pem");
        using (ExclusiveFileLock.Acquire(KeyPath + ".lock", TimeSpan.FromSeconds(5)))
        {
            // This process is "the other one", in the middle of writing the key.
            var starting = Task.Run(() => ours = LedgerSigningKey.LoadOrCreate(KeyPath));
            Thread.Sleep(300);
            Assert.False(starting.IsCompleted, "the start did not wait for the key being written");
            Assert.False(File.Exists(KeyPath));
            theirs = LedgerSigningKey.LoadOrCreate(other);
            File.Copy(other, KeyPath);
        }

        Assert.True(SpinWait.SpinUntil(() => ours is not null, TimeSpan.FromSeconds(10)));
        Assert.Equal(theirs!.KeyId, ours!.KeyId);
        Assert.Equal(theirs.KeyId, LedgerSigningKey.Load(KeyPath)!.KeyId);
        theirs.Dispose();
        ours.Dispose();
    }

    [Fact]
    public async Task Eight_starts_at_once_make_one_key()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => LedgerSigningKey.LoadOrCreate(KeyPath))));

        Assert.Single(keys.Select(k => k.KeyId).Distinct());
        Assert.Equal(keys[0].KeyId, LedgerSigningKey.Load(KeyPath)!.KeyId);
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }

    [Fact]
    public void A_temporary_key_file_a_killed_start_left_is_removed_and_a_whole_key_is_made()
    {
        // What a start killed after writing its temporary file, before moving it into place, leaves: part of a key.
        var abandoned = KeyPath + ".0123456789abcdef0123456789abcdef.partial";
        File.WriteAllText(abandoned, "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2Vw");

        using var key = LedgerSigningKey.LoadOrCreate(KeyPath);

        Assert.False(File.Exists(abandoned));
        Assert.Equal(key.KeyId, LedgerSigningKey.Load(KeyPath)!.KeyId);
        Assert.Empty(Directory.EnumerateFiles(_directory, "*.partial"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        }
    }

    [Fact]
    public void An_empty_key_file_from_an_older_version_is_refused_with_what_to_do()
    {
        File.WriteAllBytes(KeyPath, []);

        var refused = Assert.Throws<InvalidOperationException>(() => LedgerSigningKey.LoadOrCreate(KeyPath));

        Assert.Contains(KeyPath, refused.Message, StringComparison.Ordinal);
        Assert.Contains("is empty", refused.Message, StringComparison.Ordinal);
        Assert.Contains("delete the empty file", refused.Message, StringComparison.Ordinal);
        Assert.Empty(File.ReadAllBytes(KeyPath));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
