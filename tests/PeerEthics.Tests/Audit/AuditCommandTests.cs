using Microsoft.Data.Sqlite;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Audit;

public sealed class AuditCommandTests
{
    [Fact]
    public async Task Audit_verify_reports_an_intact_trail_and_then_names_the_first_tampered_entry()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        var published = await cli.RunAsync("codes", "import", cli.WriteFile("v2.txt", Seeds.Text(Seeds.Missouri) + "\n19. CMPS will keep records accurate."), "--program", "missouri-cmps", "--effective", "2027-01-01");
        Assert.True(published.ExitCode == 0, published.Error);

        var intact = await cli.RunAsync("audit", "verify");
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(cli.DataDirectory, "peerethics.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = """UPDATE "AuditTrail" SET "Detail" = 'effective 2020-01-01' WHERE "Sequence" = 3""";
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var broken = await cli.RunAsync("audit", "verify");

        Assert.Equal(0, intact.ExitCode);
        // Four entries at first start (two codes published, their two rule sets saved), then the new version and the
        // re-commitment campaign it started.
        Assert.StartsWith("The audit trail is intact: 6 entries", intact.Output, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("broken at entry 3", broken.Error, StringComparison.Ordinal);
    }
}
