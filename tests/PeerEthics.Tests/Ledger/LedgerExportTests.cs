using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.Ledger;

namespace PeerEthics.Tests.Ledger;

/// <summary>An exported ledger verifies offline, and every kind of tampering with the file is caught.</summary>
public sealed class LedgerExportTests
{
    private static async Task<(string[] Lines, LedgerPublicKey Key)> ExportAsync(int count)
    {
        var (app, _) = await LedgerTestData.AppWithCommitmentsAsync(DatabaseProvider.Sqlite, count);
        await using var __ = app;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var key = LedgerTestData.PublicKey(app);
        using var writer = new StringWriter();
        await LedgerExport.WriteAsync(writer, db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(),
            await db.LedgerCheckpoints.AsNoTracking().ToListAsync(), key, app.Clock.GetUtcNow());
        return (writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), key);
    }

    private static async Task<LedgerVerification> VerifyAsync(IEnumerable<string> lines, LedgerPublicKey? key = null)
    {
        var file = await LedgerExport.ReadAsync(new StringReader(string.Join('\n', lines)));
        return LedgerVerifier.Verify(file.Entries, file.Checkpoints, key ?? file.PublicKey);
    }

    /// <summary>The line of entry <paramref name="sequence"/>: the header, then an entry and its checkpoint per append.</summary>
    private static int EntryLine(int sequence) => 1 + (2 * (sequence - 1));

    [Fact]
    public async Task An_export_holds_every_entry_and_checkpoint_and_verifies_offline()
    {
        var (lines, key) = await ExportAsync(4);

        var verification = await VerifyAsync(lines, key);

        Assert.Equal(9, lines.Length);
        Assert.Contains("\"format\":\"peerethics-ledger-export/1\"", lines[0], StringComparison.Ordinal);
        Assert.Contains($"\"keyId\":\"{key.KeyId}\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"typedName\":\"Person 2\"", lines[EntryLine(2)], StringComparison.Ordinal);
        Assert.DoesNotContain("idempotency", string.Join('\n', lines), StringComparison.OrdinalIgnoreCase);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(4, verification.Entries);
        Assert.Equal(4, verification.CheckpointsChecked);
    }

    [Fact]
    public async Task Changing_one_byte_of_an_entry_in_the_file_is_caught_at_that_entry()
    {
        var (lines, key) = await ExportAsync(5);
        lines[EntryLine(4)] = lines[EntryLine(4)].Replace("Person 4", "Person 7", StringComparison.Ordinal);

        var verification = await VerifyAsync(lines, key);

        Assert.Equal(4, verification.FirstBadSequence);
        Assert.Contains("entry 4 was altered", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_entry_from_the_file_is_caught_where_it_was()
    {
        var (lines, key) = await ExportAsync(5);

        var verification = await VerifyAsync(lines.Where((_, i) => i != EntryLine(3)), key);

        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Contains("entry 3 is missing", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swapping_two_entries_in_the_file_is_caught_with_or_without_renumbering()
    {
        var (lines, key) = await ExportAsync(5);
        var swapped = (string[])lines.Clone();
        (swapped[EntryLine(2)], swapped[EntryLine(3)]) = (swapped[EntryLine(3)], swapped[EntryLine(2)]);
        var renumbered = (string[])swapped.Clone();
        renumbered[EntryLine(2)] = renumbered[EntryLine(2)].Replace("\"sequence\":3,", "\"sequence\":2,", StringComparison.Ordinal);
        renumbered[EntryLine(3)] = renumbered[EntryLine(3)].Replace("\"sequence\":2,", "\"sequence\":3,", StringComparison.Ordinal);

        var plain = await VerifyAsync(swapped, key);
        var disguised = await VerifyAsync(renumbered, key);

        Assert.Equal(2, plain.FirstBadSequence);
        Assert.Equal(2, disguised.FirstBadSequence);
        Assert.Contains("entry 2 does not follow entry 1", disguised.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_checked_against_a_different_key_is_refused()
    {
        var (lines, _) = await ExportAsync(2);
        var directory = Directory.CreateTempSubdirectory("peerethics-key-").FullName;
        try
        {
            using var other = LedgerSigningKey.LoadOrCreate(Path.Combine(directory, "other.pem"));

            var verification = await VerifyAsync(lines, other.Public);

            Assert.Equal(1, verification.BadCheckpointSize);
            Assert.Contains($"not by the ledger's published key {other.KeyId}", verification.Problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_damaged_line_is_reported_by_its_number()
    {
        var (lines, _) = await ExportAsync(2);
        lines[EntryLine(2)] = lines[EntryLine(2)][..^3];

        var damaged = await Assert.ThrowsAsync<FormatException>(() => VerifyAsync(lines));

        Assert.StartsWith($"line {EntryLine(2) + 1} of the export cannot be read", damaged.Message, StringComparison.Ordinal);
    }
}
