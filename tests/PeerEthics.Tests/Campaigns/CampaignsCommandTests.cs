using System.Globalization;
using System.Text.Json;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Campaigns;

/// <summary><c>peerethics codes publish</c> starting a campaign, and <c>peerethics campaigns list|show|remind</c>, run as a real process.</summary>
public sealed class CampaignsCommandTests
{
    [Fact]
    public async Task Publishing_from_the_command_line_starts_a_campaign_that_campaigns_lists_shows_and_reminds()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        var people = Path.Combine(AppContext.BaseDirectory, "samples", "people.csv");
        var imported = await cli.RunAsync("people", "import", people, "--program", "massachusetts-cps");
        Assert.True(imported.ExitCode == 0, imported.Error);
        var file = Path.Combine(cli.DataDirectory, "revised.txt");
        await File.WriteAllTextAsync(file, CampaignApp.Revised(" and to ethics"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var iso = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var published = await cli.RunAsync("codes", "publish", file, "--code", "massachusetts-cps", "--effective", iso);
        var list = await cli.RunAsync("campaigns", "list", "--format", "json");
        var show = await cli.RunAsync("campaigns", "show", "1");
        var remind = await cli.RunAsync("campaigns", "remind");
        var missing = await cli.RunAsync("campaigns", "show", "99");

        Assert.True(published.ExitCode == 0, published.Error);
        using var json = JsonDocument.Parse(list.Output);
        var campaign = Assert.Single(json.RootElement.EnumerateArray());
        var mustSign = campaign.GetProperty("totals").GetProperty("members").GetInt32();
        Assert.True(mustSign > 0, "the sample file has certified specialists and trainees");
        Assert.Contains($"Re-commitment campaign 1 started: {mustSign} must sign by {today.AddDays(60):yyyy-MM-dd}", published.Output, StringComparison.Ordinal);
        Assert.Equal(mustSign, campaign.GetProperty("totals").GetProperty("pending").GetInt32());
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Contains($"0 signed, {mustSign} pending, 0 overdue, of {mustSign}.", show.Output, StringComparison.Ordinal);
        Assert.Contains("By employer:", show.Output, StringComparison.Ordinal);
        Assert.Contains("By supervisor:", show.Output, StringComparison.Ordinal);
        var withEmail = Directory.Exists(Path.Combine(cli.DataDirectory, "mail")) ? Directory.GetFiles(Path.Combine(cli.DataDirectory, "mail"), "*.eml").Length : 0;
        Assert.True(withEmail > 0, remind.Output + remind.Error);
        Assert.Contains($"{withEmail} reminder(s) sent", remind.Output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("there is no campaign 99", missing.Error, StringComparison.Ordinal);
    }
}
