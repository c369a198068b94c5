using System.Text.Json;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;
using static PeerEthics.Tests.Codes.Staff.StaffForms;

namespace PeerEthics.Tests.Codes.Staff;

/// <summary><c>peerethics codes publish</c>, run as the real executable.</summary>
public sealed class PublishCommandTests
{
    [Theory, AllDatabases]
    public async Task Codes_publish_previews_with_dry_run_then_publishes_and_refuses_a_date_before_the_version_in_force(DatabaseProvider provider)
    {
        await using var cli = await CliRunner.CreateAsync(provider);
        var file = cli.WriteFile("missouri-2027.md", RevisedMissouri());

        var dry = await cli.RunAsync("codes", "publish", file, "--code", "missouri-cmps", "--dry-run");
        var dryJson = await cli.RunAsync("codes", "publish", file, "--code", "missouri-cmps", "--dry-run", "--format", "json");
        var listedBefore = await cli.RunAsync("codes", "list");
        var early = await cli.RunAsync("codes", "publish", file, "--code", "missouri-cmps", "--effective", "2010-01-01");
        var published = await cli.RunAsync("codes", "publish", file, "--code", "missouri-cmps", "--effective", "2027-01-01");
        var exported = await cli.RunAsync("codes", "export", "missouri-cmps", "--format", "json", "--version", "2");

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("Dry run: nothing was stored.", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Would publish missouri-cmps version 2.", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Every word kept: yes", dry.Output, StringComparison.Ordinal);
        Assert.Contains("1 added", dry.Output, StringComparison.Ordinal);
        Assert.Contains("line 30: The label \"20.\" is out of sequence.", dry.Output, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(dryJson.Output).RootElement.GetProperty("wouldBeVersion").GetInt32());
        Assert.Contains("missouri-cmps\t", listedBefore.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("version 2", listedBefore.Output, StringComparison.Ordinal);
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("--effective: The effective date, 1 January 2010, is before 1 January 2015", early.Error, StringComparison.Ordinal);
        Assert.True(published.ExitCode == 0, published.Error);
        Assert.StartsWith("Published missouri-cmps version 2, in force from 2027-01-01", published.Output, StringComparison.Ordinal);
        Assert.Contains("warning: line 30", published.Error, StringComparison.Ordinal);
        Assert.Contains(AddedPrinciple, exported.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codes_publish_without_an_effective_date_or_for_an_unknown_code_is_a_usage_error()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        var file = cli.WriteFile("code.txt", RevisedMissouri());

        var noDate = await cli.RunAsync("codes", "publish", file, "--code", "missouri-cmps");
        var unknown = await cli.RunAsync("codes", "publish", file, "--code", "kansas", "--effective", "2027-01-01");
        var notUtf8 = await cli.RunAsync("codes", "publish", cli.WriteFile("latin1.txt", System.Text.Encoding.Latin1.GetBytes("Code é\n1. Be good.")), "--code", "missouri-cmps", "--dry-run");

        Assert.Equal(2, noDate.ExitCode);
        Assert.Contains("--effective: give the day the version comes into force", noDate.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--code: there is no code 'kansas'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, notUtf8.ExitCode);
        Assert.Contains("is not UTF-8 text", notUtf8.Error, StringComparison.Ordinal);
    }
}
