using System.Globalization;

namespace PeerEthics.Codes.Staff;

/// <summary>An effective date read from three boxes, or why it cannot be, and which box to fix first.</summary>
public sealed record EffectiveDateResult(DateOnly? Date, string? Error, string Box);

/// <summary>
/// The effective date as a person types it: day, month and year in three boxes, the pattern that works best
/// with screen readers, voice control and keyboards (a date picker does not). Messages name the field and say
/// what a good answer looks like.
/// </summary>
public static class EffectiveDateInput
{
    public const string Day = "EffectiveDay";
    public const string Month = "EffectiveMonth";
    public const string Year = "EffectiveYear";

    /// <summary>The model-state key of every error about the date; the summary links to the box named in the result.</summary>
    public const string Field = "Effective";

    public static EffectiveDateResult Parse(string? day, string? month, string? year)
    {
        (string Box, string Name, string? Value)[] parts = [(Day, "day", day?.Trim()), (Month, "month", month?.Trim()), (Year, "year", year?.Trim())];
        var missing = parts.Where(p => string.IsNullOrEmpty(p.Value)).ToList();
        if (missing.Count == parts.Length)
        {
            return Fail("Enter the effective date: the day, month and year this version comes into force.", Day);
        }

        if (missing.Count > 0)
        {
            return Fail($"The effective date must include a {string.Join(" and a ", missing.Select(m => m.Name))}.", missing[0].Box);
        }

        var d = Number(day!, 1, 31);
        var m = Number(month!, 1, 12);
        var y = year!.Trim().Length == 4 ? Number(year, 1, 9999) : null;
        if (d is null || m is null || y is null)
        {
            var box = d is null ? Day : m is null ? Month : Year;
            var rule = y is null && d is not null && m is not null
                ? "The year of the effective date must have 4 digits, for example 2027."
                : "The effective date must be a real date, in numbers, for example 1 1 2027.";
            return Fail(rule, box);
        }

        if (d > DateTime.DaysInMonth(y.Value, m.Value))
        {
            var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m.Value);
            return Fail(string.Create(CultureInfo.InvariantCulture,
                $"The effective date must be a real date: {monthName} {y} has {DateTime.DaysInMonth(y.Value, m.Value)} days."), Day);
        }

        return new EffectiveDateResult(new DateOnly(y.Value, m.Value, d.Value), null, Day);
    }

    private static int? Number(string text, int min, int max) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    private static EffectiveDateResult Fail(string error, string box) => new(null, error, box);
}
