using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;

namespace PeerEthics.Programs;

/// <summary>
/// The starting settings in <c>content/programs/settings.json</c>, given to a shipped program that has none.
/// Marked <see cref="ProgramSettings.ToConfirm"/>: the program confirms them by adding a version of its own.
/// </summary>
public static class ShippedProgramSettings
{
    public sealed record Entry(
        string Program, DateOnly EffectiveFrom, int RenewalCycleMonths, decimal CeHoursPerCycle, decimal EthicsHoursPerCycle,
        int GracePeriodDays, int RenewalWindowDays, string NumberFormat, int SignNewVersionDays = ProgramSettingsInput.DefaultSignNewVersionDays);

    private sealed record Manifest(IReadOnlyList<Entry> Programs);

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static string PathOf => Path.Combine(AppContext.BaseDirectory, "content", "programs", "settings.json");

    public static IReadOnlyList<Entry> Entries() =>
        JsonSerializer.Deserialize<Manifest>(File.ReadAllText(PathOf), s_json)!.Programs;

    /// <summary>
    /// Idempotent. Not audited: this is the state the software is installed with, like the shipped codes'
    /// programs, and each row says it was shipped (<c>system</c>, to confirm).
    /// </summary>
    public static async Task LoadShippedProgramSettingsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var entry in Entries())
        {
            var program = await db.Programs.Where(p => p.Slug == entry.Program)
                .Select(p => new { p.Id, HasSettings = p.Settings.Any() })
                .SingleOrDefaultAsync(cancellationToken);
            if (program is null || program.HasSettings)
            {
                continue;
            }

            if (CredentialNumberFormat.Parse(entry.NumberFormat) is null)
            {
                throw new InvalidOperationException($"The shipped settings of {entry.Program} have a number format PeerEthics cannot use: {entry.NumberFormat}.");
            }

            db.ProgramSettings.Add(new ProgramSettings
            {
                ProgramId = program.Id,
                EffectiveFrom = entry.EffectiveFrom,
                RenewalCycleMonths = entry.RenewalCycleMonths,
                CeHoursPerCycle = entry.CeHoursPerCycle,
                EthicsHoursPerCycle = entry.EthicsHoursPerCycle,
                GracePeriodDays = entry.GracePeriodDays,
                RenewalWindowDays = entry.RenewalWindowDays,
                NumberFormat = entry.NumberFormat,
                SignNewVersionDays = entry.SignNewVersionDays,
                ToConfirm = true,
                Note = "Starting values shipped with PeerEthics: settings to confirm, not facts of the code.",
                RecordedAt = now,
                RecordedBy = "system",
                RecordedByName = "PeerEthics",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
