using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Audit;

/// <summary><c>peerethics audit export</c>, run as the real executable.</summary>
public sealed class AuditExportCommandTests
{
    [Theory, AllDatabases]
    public async Task Audit_export_writes_the_filtered_entries_as_csv_and_names_a_wrong_option(DatabaseProvider provider)
    {
        await using var cli = await CliRunner.CreateAsync(provider);
        var published = await cli.RunAsync("codes", "publish", cli.WriteFile("v2.txt", Seeds.Text(Seeds.Missouri) + "\n19. CMPS will keep records accurate."), "--code", "missouri-cmps", "--effective", "2027-01-01");
        Assert.True(published.ExitCode == 0, published.Error);

        var codes = await cli.RunAsync("audit", "export", "--action", "code.*", "--target", "code:missouri-cmps");
        var future = await cli.RunAsync("audit", "export", "--from", "2999-01-01");
        var wrong = await cli.RunAsync("audit", "export", "--from", "last-week");
        var verified = await cli.RunAsync("audit", "verify");

        Assert.True(codes.ExitCode == 0, codes.Error);
        var lines = codes.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AuditCsv.Header, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",code.version-published,code:missouri-cmps/1,success,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",cli,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",code.version-published,code:missouri-cmps/2,success,\"effective 2027-01-01, sha256 ", lines[2], StringComparison.Ordinal);
        Assert.Equal(AuditCsv.Header + "\r\n", future.Output);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--from: From must be a date in the form yyyy-mm-dd", wrong.Error, StringComparison.Ordinal);
        Assert.Equal("", wrong.Output);
        // The shipped codes and rule sets (4), the publish and the re-commitment campaign it started, and both exports (2)
        // each left an entry; the chain holds.
        Assert.StartsWith("The audit trail is intact: 8 entries", verified.Output, StringComparison.Ordinal);
    }
}
