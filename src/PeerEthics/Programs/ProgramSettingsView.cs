using System.Linq.Expressions;

namespace PeerEthics.Programs;

/// <summary>One settings version as pages, the API and the credential rules read it, with the date arithmetic it implies.</summary>
public sealed record ProgramSettingsView(
    int Id,
    int ProgramId,
    DateOnly EffectiveFrom,
    int RenewalCycleMonths,
    decimal CeHoursPerCycle,
    decimal EthicsHoursPerCycle,
    int GracePeriodDays,
    int RenewalWindowDays,
    string NumberFormat,
    int SignNewVersionDays,
    bool ToConfirm,
    string? Note,
    DateTimeOffset RecordedAt,
    string? RecordedByName)
{
    public static readonly Expression<Func<ProgramSettings, ProgramSettingsView>> Project = s => new ProgramSettingsView(
        s.Id, s.ProgramId, s.EffectiveFrom, s.RenewalCycleMonths, s.CeHoursPerCycle, s.EthicsHoursPerCycle, s.GracePeriodDays,
        s.RenewalWindowDays, s.NumberFormat, s.SignNewVersionDays, s.ToConfirm, s.Note, s.RecordedAt, s.RecordedByName);

    private static readonly Func<ProgramSettings, ProgramSettingsView> s_fromEntity = Project.Compile();

    public static ProgramSettingsView From(ProgramSettings settings) => s_fromEntity(settings);

    /// <summary>
    /// The expiry date of a certification starting on <paramref name="cycleStart"/>: the same day of the month,
    /// one cycle later (the last day of the month when that day does not exist). The credential is current
    /// through the end of its expiry date.
    /// </summary>
    public DateOnly ExpiryFor(DateOnly cycleStart) => cycleStart.AddMonths(RenewalCycleMonths);

    /// <summary>The last day of the grace period after an expiry date; the credential lapses the day after.</summary>
    public DateOnly GraceEndsFor(DateOnly expiry) => expiry.AddDays(GracePeriodDays);

    /// <summary>The first day a specialist may apply to renew a credential expiring on <paramref name="expiry"/>.</summary>
    public DateOnly RenewalOpensFor(DateOnly expiry) => expiry.AddDays(-RenewalWindowDays);

    /// <summary>
    /// The version in force on a day: the latest whose effective date has come; of two with the same date, the
    /// one recorded later (a same-day correction). Null before the first version.
    /// </summary>
    public static ProgramSettingsView? InForceOn(IEnumerable<ProgramSettingsView> history, DateOnly day) =>
        history.Where(s => s.EffectiveFrom <= day).OrderBy(s => s.EffectiveFrom).ThenBy(s => s.Id).LastOrDefault();
}
