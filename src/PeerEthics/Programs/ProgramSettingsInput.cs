using PeerEthics.People.Forms;
using PeerEthics.Web;

namespace PeerEthics.Programs;

/// <summary>
/// A new settings version as the API receives it (JSON). Every value is required except the note and the days to sign a
/// new code version (when left out: the value in force, else <see cref="DefaultSignNewVersionDays"/>).
/// </summary>
public sealed record ProgramSettingsInput(
    DateOnly? EffectiveFrom,
    int? RenewalCycleMonths,
    decimal? CeHoursPerCycle,
    decimal? EthicsHoursPerCycle,
    int? GracePeriodDays,
    int? RenewalWindowDays,
    string? NumberFormat,
    string? Note,
    int? SignNewVersionDays = null)
{
    public const int MaxNoteLength = 500;

    public const int DefaultSignNewVersionDays = 60;
    public const int MinSignNewVersionDays = 14;
    public const int MaxSignNewVersionDays = 365;

    /// <summary>
    /// The rules a settings version must meet. A new version may not start before today: what was in force on a
    /// past day stays as it was (a correction takes effect from today). Adds to <paramref name="errors"/>; fields
    /// that already have an error (a value that could not be read) are not checked again.
    /// </summary>
    public void Validate(DateOnly today, FieldErrors errors)
    {
        Check("effectiveFrom", EffectiveFrom, "Enter the date these settings come into force.",
            d => d >= today ? null : $"The date these settings come into force must be today ({Display.Iso(today)}) or later: settings already in force on past days are kept as they were.");
        Check("renewalCycleMonths", RenewalCycleMonths, "Enter the renewal cycle in months, such as 24.",
            m => m is >= 1 and <= 120 ? null : "The renewal cycle must be between 1 and 120 months.");
        Check("ceHoursPerCycle", CeHoursPerCycle, "Enter the continuing-education hours needed in each cycle, such as 20.",
            h => h is < 0 or > 1000 ? "The continuing-education hours must be between 0 and 1000."
                : decimal.Round(h, 2) != h ? "The continuing-education hours can have at most two decimal places, such as 1.25." : null);
        Check("ethicsHoursPerCycle", EthicsHoursPerCycle, "Enter how many of those hours must be about ethics, such as 6.",
            h => h < 0 ? "The ethics hours cannot be less than 0."
                : decimal.Round(h, 2) != h ? "The ethics hours can have at most two decimal places, such as 1.25."
                : CeHoursPerCycle is { } total && h > total ? $"The ethics hours are part of the continuing-education hours, so they cannot be more than {FormValues.Hours(total)}." : null);
        Check("gracePeriodDays", GracePeriodDays, "Enter the grace period in days, such as 90 (0 for none).",
            d => d is >= 0 and <= 365 ? null : "The grace period must be between 0 and 365 days.");
        Check("renewalWindowDays", RenewalWindowDays, "Enter how many days before expiry a specialist may apply to renew, such as 90.",
            d => d is < 1 or > 365 ? "The renewal window must be between 1 and 365 days."
                : RenewalCycleMonths is { } months && d > months * 28 ? "The renewal window must be shorter than the renewal cycle." : null);
        Check("signNewVersionDays", SignNewVersionDays, "Enter how many days people have to sign a new version of the code, such as 60.",
            d => d is >= MinSignNewVersionDays and <= MaxSignNewVersionDays ? null
                : $"The time to sign a new code version must be between {MinSignNewVersionDays} and {MaxSignNewVersionDays} days.");
        if (!errors.Has("numberFormat") && !CredentialNumberFormat.TryParse(NumberFormat, out _, out var problem))
        {
            errors.Add("numberFormat", problem);
        }

        if (Note is { Length: > MaxNoteLength })
        {
            errors.Add("note", $"The note can be at most {MaxNoteLength} characters long.");
        }

        void Check<T>(string field, T? value, string missing, Func<T, string?> rule)
            where T : struct
        {
            if (errors.Has(field))
            {
                return;
            }

            if (value is not { } present)
            {
                errors.Add(field, missing);
            }
            else if (rule(present) is { } broken)
            {
                errors.Add(field, broken);
            }
        }
    }
}
