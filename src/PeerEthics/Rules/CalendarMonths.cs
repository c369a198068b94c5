namespace PeerEthics.Rules;

/// <summary>
/// "Within N months" in calendar terms, as docs/rules.md decides it: a window that starts on a day ends
/// on the same day of the month N months later, and that last day is still inside the window. When that
/// month has no such day (29 February in a common year, 31 January plus one month), the window ends on
/// the first day of the following month — never earlier than a full N months, so a leap-day start gets
/// its whole year: 29 Feb 2024 plus 12 months ends on 1 Mar 2025.
/// </summary>
public static class CalendarMonths
{
    /// <summary>The last day inside a window of <paramref name="months"/> months starting on <paramref name="start"/>.</summary>
    public static DateOnly WindowEnd(DateOnly start, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var firstOfTargetMonth = new DateOnly(start.Year, start.Month, 1).AddMonths(months);
        var daysInTarget = DateTime.DaysInMonth(firstOfTargetMonth.Year, firstOfTargetMonth.Month);
        return start.Day <= daysInTarget
            ? new DateOnly(firstOfTargetMonth.Year, firstOfTargetMonth.Month, start.Day)
            : firstOfTargetMonth.AddMonths(1);
    }

    /// <summary>Whether <paramref name="day"/> falls on or before the last day of the window (a day before the start counts as inside).</summary>
    public static bool IsWithin(DateOnly start, int months, DateOnly day) => day <= WindowEnd(start, months);
}
