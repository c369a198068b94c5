using PeerEthics.Campaigns;
using PeerEthics.People;

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
        Assert.Equal(SignatureState.Pending, CampaignRules.StateOf(false, CredentialStatus.Certified, Deadline, Deadline));
        Assert.Equal(SignatureState.Overdue, CampaignRules.StateOf(false, CredentialStatus.Certified, Deadline, Deadline.AddDays(1)));
        Assert.Equal(SignatureState.Signed, CampaignRules.StateOf(true, CredentialStatus.Certified, Deadline, Deadline.AddDays(30)));
    }

    [Theory]
    [InlineData(CredentialStatus.Certified, SignatureState.Overdue)]
    [InlineData(CredentialStatus.Trainee, SignatureState.Overdue)]
    [InlineData(CredentialStatus.Inactive, SignatureState.Overdue)]
    [InlineData(CredentialStatus.Lapsed, SignatureState.Excused)]
    [InlineData(CredentialStatus.Suspended, SignatureState.Excused)]
    [InlineData(CredentialStatus.Revoked, SignatureState.Excused)]
    [InlineData(CredentialStatus.Relinquished, SignatureState.Excused)]
    public void A_member_whose_credential_is_no_longer_current_is_excused_unless_they_signed(CredentialStatus now, SignatureState notSigned)
    {
        Assert.Equal(notSigned, CampaignRules.StateOf(false, now, Deadline, Deadline.AddDays(1)));
        Assert.Equal(SignatureState.Signed, CampaignRules.StateOf(true, now, Deadline, Deadline.AddDays(1)));
    }

    [Fact]
    public void A_deadline_moved_to_the_opening_day_has_no_week_or_day_reminder_before_it()
    {
        Assert.Equal(ReminderKind.Start, CampaignRules.Due(Opens, Opens, Opens));
        Assert.Equal(ReminderKind.Overdue, CampaignRules.Due(Opens, Opens, Opens.AddDays(1)));
    }
}
