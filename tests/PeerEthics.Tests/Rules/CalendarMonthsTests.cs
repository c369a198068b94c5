using PeerEthics.Rules;

namespace PeerEthics.Tests.Rules;

/// <summary>"Within N months" in calendar terms, as docs/rules.md decides it.</summary>
public sealed class CalendarMonthsTests
{
    [Theory]
    // An ordinary year: the anniversary (365 days later) is the last day inside the window.
    [InlineData("2025-01-10", 364, true)]
    [InlineData("2025-01-10", 365, true)]
    [InlineData("2025-01-10", 366, false)]
    // A year with 29 February in it: the anniversary is 366 days later, and still inside.
    [InlineData("2027-03-01", 364, true)]
    [InlineData("2027-03-01", 365, true)]
    [InlineData("2027-03-01", 366, true)]
    [InlineData("2027-03-01", 367, false)]
    // Support ended on 29 February: the window runs to 1 March of the next year.
    [InlineData("2024-02-29", 364, true)]
    [InlineData("2024-02-29", 365, true)]
    [InlineData("2024-02-29", 366, true)]
    [InlineData("2024-02-29", 367, false)]
    public void Twelve_months_include_the_anniversary_and_end_after_it(string start, int daysLater, bool within)
    {
        var from = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(within, CalendarMonths.IsWithin(from, 12, from.AddDays(daysLater)));
    }

    [Theory]
    [InlineData("2024-02-29", 12, "2025-03-01")]
    [InlineData("2024-02-29", 48, "2028-02-29")]
    [InlineData("2023-02-28", 12, "2024-02-28")]
    [InlineData("2026-01-31", 1, "2026-03-01")]
    [InlineData("2026-03-31", 1, "2026-05-01")]
    [InlineData("2026-03-20", 12, "2027-03-20")]
    [InlineData("2026-12-15", 1, "2027-01-15")]
    [InlineData("2026-05-05", 0, "2026-05-05")]
    public void A_window_ends_on_the_same_day_months_later_or_the_first_of_the_next_month_when_that_day_does_not_exist(string start, int months, string end)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(DateOnly.Parse(end, culture), CalendarMonths.WindowEnd(DateOnly.Parse(start, culture), months));
    }
}
