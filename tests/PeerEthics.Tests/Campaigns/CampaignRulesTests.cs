using PeerEthics.Campaigns;

namespace PeerEthics.Tests.Campaigns;

/// <summary>The date rules of a campaign, without a database.</summary>
public sealed class CampaignRulesTests
{
    private static readonly DateOnly Opens = new(2027, 1, 1);
    private static readonly DateOnly Deadline = new(2027, 3, 2); // 60 days

    [Theory]
    [InlineData("2026-12-31", null)]
    [InlineData("2027-01-01", ReminderKind.Start)]
    [InlineData("2027-02-22", ReminderKind.Start)]
    [InlineData("2027-02-23", ReminderKind.Week)]
    [InlineData("2027-02-28", ReminderKind.Week)]
    [InlineData("2027-03-01", ReminderKind.Day)]
    [InlineData("2027-03-02", ReminderKind.Day)]
    [InlineData("2027-03-03", ReminderKind.Overdue)]
    [InlineData("2028-01-01", ReminderKind.Overdue)]
    public void The_reminder_due_is_the_latest_whose_day_has_come(string today, ReminderKind? expected) =>
        Assert.Equal(expected, CampaignRules.Due(Opens, Deadline, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Signed_pending_and_overdue_turn_on_the_day_after_the_deadline()
    {
        Assert.Equal(SignatureState.Pending, CampaignRules.StateOf(false, Deadline, Deadline));
        Assert.Equal(SignatureState.Overdue, CampaignRules.StateOf(false, Deadline, Deadline.AddDays(1)));
        Assert.Equal(SignatureState.Signed, CampaignRules.StateOf(true, Deadline, Deadline.AddDays(30)));
    }

    [Fact]
    public void A_deadline_moved_to_the_opening_day_has_no_week_or_day_reminder_before_it()
    {
        Assert.Equal(ReminderKind.Start, CampaignRules.Due(Opens, Opens, Opens));
        Assert.Equal(ReminderKind.Overdue, CampaignRules.Due(Opens, Opens, Opens.AddDays(1)));
    }
}
