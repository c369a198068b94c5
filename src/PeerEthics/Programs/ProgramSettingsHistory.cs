using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.People.Forms;
using PeerEthics.Web;

namespace PeerEthics.Programs;

public sealed record ProgramSummary(int Id, string Slug, string Name, string Code, ProgramSettingsView? InForce);

/// <summary>
/// Reads and adds effective-dated program settings. Old versions are never changed. The versions are a handful per
/// program, so the first read in a scope loads them all and every later question (the settings in force on a
/// credential's expiry, a program's history) is answered from memory; adding a version forgets them.
/// </summary>
public sealed class ProgramSettingsHistory(PeerEthicsDb db, TimeProvider clock, AuditLog audit)
{
    private IReadOnlyList<ProgramSettingsView>? _all;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The settings of a program in force on a day (<see cref="ProgramSettingsView.InForceOn"/>); null before its first version.</summary>
    public async Task<ProgramSettingsView?> InForceOnAsync(int programId, DateOnly day, CancellationToken cancellationToken = default) =>
        ProgramSettingsView.InForceOn(await HistoryAsync(programId, cancellationToken), day);

    /// <summary>Every version of a program's settings, oldest first.</summary>
    public async Task<IReadOnlyList<ProgramSettingsView>> HistoryAsync(int programId, CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken)).Where(s => s.ProgramId == programId)];

    /// <summary>Every program with the settings in force today.</summary>
    public async Task<IReadOnlyList<ProgramSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Slug, p.Name, Code = p.Code.Slug })
            .ToListAsync(cancellationToken);
        var settings = await AllAsync(cancellationToken);
        return [.. programs.Select(p => new ProgramSummary(p.Id, p.Slug, p.Name, p.Code,
            ProgramSettingsView.InForceOn(settings.Where(s => s.ProgramId == p.Id), Today)))];
    }

    public async Task<ProgramSummary?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new { p.Id, p.Slug, p.Name, Code = p.Code.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        return program is null ? null
            : new ProgramSummary(program.Id, program.Slug, program.Name, program.Code, await InForceOnAsync(program.Id, Today, cancellationToken));
    }

    /// <summary>Adds a settings version after checking it; audited with the values (nothing personal in them).</summary>
    public async Task<Outcome<ProgramSettingsView>> AddAsync(string programSlug, ProgramSettingsInput input, CancellationToken cancellationToken = default) =>
        await AddAsync(programSlug, input, new FieldErrors(), cancellationToken);

    /// <summary>As <see cref="AddAsync(string, ProgramSettingsInput, CancellationToken)"/>, after a form's own reading errors.</summary>
    public async Task<Outcome<ProgramSettingsView>> AddAsync(string programSlug, ProgramSettingsInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Slug == programSlug).Select(p => new { p.Id }).SingleOrDefaultAsync(cancellationToken);
        if (program is null)
        {
            return new Outcome<ProgramSettingsView>.NotFound($"program '{programSlug}'");
        }

        if (input.SignNewVersionDays is null && !errors.Has("signNewVersionDays"))
        {
            input = input with { SignNewVersionDays = (await InForceOnAsync(program.Id, Today, cancellationToken))?.SignNewVersionDays ?? ProgramSettingsInput.DefaultSignNewVersionDays };
        }

        input.Validate(Today, errors);
        if (errors.Any)
        {
            return new Outcome<ProgramSettingsView>.Refused(errors);
        }

        var entry = audit.Record("program.settings-added", $"program:{programSlug}", detail: Describe(input));
        var settings = new ProgramSettings
        {
            ProgramId = program.Id,
            EffectiveFrom = input.EffectiveFrom!.Value,
            RenewalCycleMonths = input.RenewalCycleMonths!.Value,
            CeHoursPerCycle = input.CeHoursPerCycle!.Value,
            EthicsHoursPerCycle = input.EthicsHoursPerCycle!.Value,
            GracePeriodDays = input.GracePeriodDays!.Value,
            RenewalWindowDays = input.RenewalWindowDays!.Value,
            NumberFormat = CredentialNumberFormat.Parse(input.NumberFormat)!.Template,
            SignNewVersionDays = input.SignNewVersionDays!.Value,
            ToConfirm = false,
            Note = FormValues.Clean(input.Note),
            RecordedAt = entry.At,
            RecordedBy = entry.Actor,
            RecordedByName = entry.ActorName,
        };
        db.ProgramSettings.Add(settings);
        await db.SaveChangesAsync(cancellationToken);
        _all = null;
        return new Outcome<ProgramSettingsView>.Done(ProgramSettingsView.From(settings));
    }

    /// <summary>Every settings version of every program, oldest first (ties in the order recorded), loaded once per scope.</summary>
    private async Task<IReadOnlyList<ProgramSettingsView>> AllAsync(CancellationToken cancellationToken) =>
        _all ??= await db.ProgramSettings.AsNoTracking()
            .OrderBy(s => s.ProgramId).ThenBy(s => s.EffectiveFrom).ThenBy(s => s.Id)
            .Select(ProgramSettingsView.Project)
            .ToListAsync(cancellationToken);

    private static string Describe(ProgramSettingsInput s) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"from {Display.Iso(s.EffectiveFrom!.Value)}: {s.RenewalCycleMonths}-month cycle, {FormValues.Hours(s.CeHoursPerCycle!.Value)} CE hours ({FormValues.Hours(s.EthicsHoursPerCycle!.Value)} ethics), {s.GracePeriodDays}-day grace, {s.RenewalWindowDays}-day renewal window, numbers {s.NumberFormat?.Trim()}, {s.SignNewVersionDays} days to sign a new code version");
}
