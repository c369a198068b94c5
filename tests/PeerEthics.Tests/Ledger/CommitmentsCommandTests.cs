using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Ledger;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Ledger;

/// <summary><c>peerethics commitments export | verify | verify-proof</c>, run as the real executable.</summary>
public sealed class CommitmentsCommandTests
{
    /// <summary>A command-line data directory whose ledger holds <paramref name="count"/> commitments, appended by the app on the same files.</summary>
    private static async Task<CliRunner> CliWithCommitmentsAsync(int count)
    {
        var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        await using var onCliData = app.WithWebHostBuilder(b => b.UseSetting("PEERETHICS_DATA", cli.DataDirectory));
        _ = onCliData.CreateClient();
        for (var i = 1; i <= count; i++)
        {
            var record = await LedgerTestData.RecordAsync(onCliData.Services, app.Clock, $"Person {i}");
            await using var scope = onCliData.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CommitmentLedger>().AppendAsync(record, $"k{i}");
        }

        SqliteConnection.ClearAllPools();
        return cli;
    }

    private static async Task TamperAsync(CliRunner cli, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(cli.DataDirectory, "peerethics.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }

    [Fact]
    public async Task Verify_reports_an_intact_ledger_then_names_the_first_broken_entry_live_and_in_an_export()
    {
        await using var cli = await CliWithCommitmentsAsync(4);

        var intact = await cli.RunAsync("commitments", "verify");
        var export = await cli.RunAsync("commitments", "export");
        var exported = cli.WriteFile("ledger.jsonl", export.Output);
        var publicKey = await cli.RunAsync("commitments", "verify", "--from-file", exported);
        await TamperAsync(cli, """UPDATE "LedgerEntries" SET "Payload" = REPLACE("Payload", 'Person 2', 'Person 9') WHERE "Sequence" = 2""");
        var broken = await cli.RunAsync("commitments", "verify");
        var offlineTampered = await cli.RunAsync("commitments", "verify", "--from-file",
            cli.WriteFile("tampered.jsonl", string.Join('\n', export.Output.Split('\n').Where(l => !l.Contains("\"sequence\":3,", StringComparison.Ordinal)))));

        Assert.True(intact.ExitCode == 0, intact.Error);
        Assert.StartsWith("The commitment ledger is intact: 4 entries", intact.Output, StringComparison.Ordinal);
        Assert.Equal(0, export.ExitCode);
        Assert.Equal(9, export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(publicKey.ExitCode == 0, publicKey.Error);
        Assert.Contains("key named in the file itself", publicKey.Error, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("broken at entry 2", broken.Error, StringComparison.Ordinal);
        Assert.Equal(1, offlineTampered.ExitCode);
        Assert.Contains("broken at entry 3: entry 3 is missing", offlineTampered.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_verification_uses_the_published_key_given_and_refuses_another()
    {
        await using var cli = await CliWithCommitmentsAsync(2);
        var export = cli.WriteFile("ledger.jsonl", (await cli.RunAsync("commitments", "export")).Output);
        var keyPem = await File.ReadAllTextAsync(Path.Combine(cli.DataDirectory, "ledger-signing-key.pem"));
        using var published = LedgerSigningKey.Load(Path.Combine(cli.DataDirectory, "ledger-signing-key.pem"))!;
        var otherDirectory = Directory.CreateTempSubdirectory("peerethics-key-").FullName;
        using var other = LedgerSigningKey.LoadOrCreate(Path.Combine(otherDirectory, "k.pem"));

        var withFile = await cli.RunAsync("commitments", "verify", "--from-file", export, "--public-key", cli.WriteFile("key.pem", published.Public.Pem));
        var withBase64 = await cli.RunAsync("commitments", "verify", "--from-file", export, "--public-key", published.Public.Base64);
        var withOther = await cli.RunAsync("commitments", "verify", "--from-file", export, "--public-key", other.Public.Base64);
        var notAKey = await cli.RunAsync("commitments", "verify", "--from-file", export, "--public-key", "hello");
        Directory.Delete(otherDirectory, recursive: true);

        Assert.Contains("PRIVATE KEY", keyPem, StringComparison.Ordinal);
        Assert.True(withFile.ExitCode == 0, withFile.Error);
        Assert.DoesNotContain("key named in the file", withFile.Error, StringComparison.Ordinal);
        Assert.True(withBase64.ExitCode == 0, withBase64.Error);
        Assert.Equal(1, withOther.ExitCode);
        Assert.Contains($"not by the ledger's published key {other.KeyId}", withOther.Error, StringComparison.Ordinal);
        Assert.Equal(2, notAKey.ExitCode);
        Assert.Contains("--public-key", notAKey.Error, StringComparison.Ordinal);
    }
}
