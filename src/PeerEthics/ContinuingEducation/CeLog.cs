using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Programs;

namespace PeerEthics.ContinuingEducation;

public sealed record CeActivityView(
    int Id, int CredentialId, int PersonId, string ProgramSlug, string Title, string Provider, DateOnly CompletedOn, decimal Hours, decimal EthicsHours,
    string? EvidenceFileName, long? EvidenceSize, CeDecision Decision, string? DecisionReason, DateTimeOffset? DecidedAt, string? DecidedByName, int Version);

/// <summary>Progress toward a cycle's requirement, per category: all hours, and ethics hours.</summary>
public sealed record CeProgress(
    DateOnly CycleStart, DateOnly CycleEnd, decimal RequiredHours, decimal RequiredEthicsHours,
    decimal ApprovedHours, decimal ApprovedEthicsHours, decimal PendingHours, decimal PendingEthicsHours)
{
    public bool HoursMet => ApprovedHours >= RequiredHours;

    public bool EthicsMet => ApprovedEthicsHours >= RequiredEthicsHours;

    public decimal HoursMissing => Math.Max(0, RequiredHours - ApprovedHours);

    public decimal EthicsMissing => Math.Max(0, RequiredEthicsHours - ApprovedEthicsHours);
}

/// <summary>Continuing education: specialists record activities, staff approve or reject them, progress per cycle.</summary>
public sealed class CeLog(PeerEthicsDb db, AuditLog audit, ProgramSettingsHistory settings, EvidenceStore evidence)
{
    public DateOnly Today => settings.Today;

    /// <summary>Records an activity toward one of the person's own credentials. The evidence (already checked) is stored with it.</summary>
    public async Task<Outcome<CeActivityView>> RecordAsync(int personId, CeInput input, EvidenceUpload? upload, FieldErrors errors, CancellationToken cancellationToken = default)
    {
        input.Validate(Today, errors);
        if (!errors.Has("credentialId") && input.CredentialId is { } credentialId)
        {
            var credential = await db.Credentials.AsNoTracking().Where(c => c.Id == credentialId && c.PersonId == personId)
                .Select(c => new { c.IssuedOn }).SingleOrDefaultAsync(cancellationToken);
            if (credential is null)
            {
                errors.Add("credentialId", "Choose one of your credentials.");
            }
            else if (credential.IssuedOn is null)
            {
                errors.Add("credentialId", "Continuing education counts toward a certification; this credential is not certified yet.");
            }
            else if (!errors.Has("completedOn") && input.CompletedOn < credential.IssuedOn)
            {
                errors.Add("completedOn", $"Your current cycle began on {Web.Display.Date(credential.IssuedOn.Value)}; activities completed before then do not count toward it.");
            }
        }

        if (errors.Any)
        {
            return new Outcome<CeActivityView>.Refused(errors);
        }

        var activity = new CeActivity
        {
            CredentialId = input.CredentialId!.Value,
            Title = input.Title!.Trim(),
            Provider = input.Provider!.Trim(),
            CompletedOn = input.CompletedOn!.Value,
            Hours = input.Hours!.Value,
            EthicsHours = input.EthicsHours ?? 0,
            Decision = CeDecision.Pending,
        };
        if (upload is not null)
        {
            activity.EvidenceStoredName = await evidence.SaveAsync(upload, cancellationToken);
            activity.EvidenceFileName = upload.FileName;
            activity.EvidenceContentType = upload.ContentType;
            activity.EvidenceSize = upload.Content.Length;
        }

        var entry = audit.Record("ce.recorded", $"credential:{activity.CredentialId}", detail: $"{FormValues.Hours(activity.Hours)} h ({FormValues.Hours(activity.EthicsHours)} ethics)");
        activity.RecordedAt = entry.At;
        db.CeActivities.Add(activity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (activity.EvidenceStoredName is { } stored)
            {
                evidence.Delete(stored);
            }

            throw;
        }

        return new Outcome<CeActivityView>.Done((await GetAsync(activity.Id, cancellationToken))!);
    }

    public async Task<CeActivityView?> GetAsync(int activityId, CancellationToken cancellationToken = default) =>
        (await Query(db.CeActivities.Where(a => a.Id == activityId)).ToListAsync(cancellationToken)).SingleOrDefault();

    /// <summary>The activity when it belongs to the person, else null (another person's activity is not found).</summary>
    public async Task<CeActivityView?> GetOwnedAsync(int personId, int activityId, CancellationToken cancellationToken = default) =>
        await GetAsync(activityId, cancellationToken) is { } a && a.PersonId == personId ? a : null;

    public async Task<IReadOnlyList<CeActivityView>> ForCredentialAsync(int credentialId, CancellationToken cancellationToken = default) =>
        await Query(db.CeActivities.Where(a => a.CredentialId == credentialId)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<(CeActivityView Activity, string PersonName)>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var pending = await Query(db.CeActivities.Where(a => a.Decision == CeDecision.Pending)).ToListAsync(cancellationToken);
        var ids = pending.Select(p => p.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.PreferredName ?? p.LegalName, cancellationToken);
        return [.. pending.Select(p => (p, names[p.PersonId]))];
    }

    /// <summary>Progress in the credential's current cycle, or null when it has none (not certified yet).</summary>
    public async Task<CeProgress?> ProgressAsync(CredentialView credential, CancellationToken cancellationToken = default)
    {
        if (credential is not { IssuedOn: { } start, ExpiresOn: { } end })
        {
            return null;
        }

        var rules = await settings.InForceOnAsync(credential.ProgramId, start, cancellationToken) ?? await settings.InForceOnAsync(credential.ProgramId, Today, cancellationToken);
        var activities = await db.CeActivities.AsNoTracking()
            .Where(a => a.CredentialId == credential.Id && a.CompletedOn >= start && a.CompletedOn <= end && a.Decision != CeDecision.Rejected)
            .Select(a => new { a.Hours, a.EthicsHours, a.Decision }).ToListAsync(cancellationToken);
        var approved = activities.Where(a => a.Decision == CeDecision.Approved).ToList();
        var pending = activities.Where(a => a.Decision == CeDecision.Pending).ToList();
        return new CeProgress(start, end, rules?.CeHoursPerCycle ?? 0, rules?.EthicsHoursPerCycle ?? 0,
            approved.Sum(a => a.Hours), approved.Sum(a => a.EthicsHours), pending.Sum(a => a.Hours), pending.Sum(a => a.EthicsHours));
    }

    /// <summary>Staff approve or reject a pending activity of the person; a rejection needs a reason.</summary>
    public async Task<Outcome<CeActivityView>> DecideAsync(int personId, int activityId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        var activity = await db.CeActivities.Where(a => a.Id == activityId && a.Credential.PersonId == personId).SingleOrDefaultAsync(cancellationToken);
        if (activity is null)
        {
            return new Outcome<CeActivityView>.NotFound($"activity {activityId} of person {personId}");
        }

        var errors = new FieldErrors();
        var decision = input.Decision?.Trim().ToLowerInvariant() switch
        {
            "approve" or "approved" => CeDecision.Approved,
            "reject" or "rejected" => CeDecision.Rejected,
            _ => (CeDecision?)null,
        };
        if (decision is null)
        {
            errors.Add("decision", "Choose approve or reject.");
        }
        else if (activity.Decision != CeDecision.Pending)
        {
            errors.Add("decision", $"This activity was already {activity.Decision.ToString().ToLowerInvariant()}.");
        }

        var reason = FormValues.Clean(input.Reason);
        if (decision == CeDecision.Rejected && reason is null)
        {
            errors.Add("reason", "Say why the activity is rejected; the specialist reads it.");
        }
        else if (reason is { Length: > 1000 })
        {
            errors.Add("reason", "The reason can be at most 1000 characters long.");
        }

        if (errors.Any)
        {
            return new Outcome<CeActivityView>.Refused(errors);
        }

        var entry = audit.Record(decision == CeDecision.Approved ? "ce.approved" : "ce.rejected", $"ce-activity:{activityId}");
        activity.Decision = decision!.Value;
        activity.DecisionReason = reason;
        activity.DecidedAt = entry.At;
        activity.DecidedBy = entry.Actor;
        activity.DecidedByName = entry.ActorName;
        activity.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<CeActivityView>.Done((await GetAsync(activityId, cancellationToken))!);
    }

    /// <summary>The evidence file of an activity (the caller has checked it may be read).</summary>
    public async Task<(Stream Content, string ContentType, string FileName)?> EvidenceAsync(int activityId, CancellationToken cancellationToken = default)
    {
        var a = await db.CeActivities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new { a.EvidenceStoredName, a.EvidenceContentType, a.EvidenceFileName }).SingleOrDefaultAsync(cancellationToken);
        return a?.EvidenceStoredName is { } stored && evidence.Open(stored) is { } stream
            ? (stream, a.EvidenceContentType!, a.EvidenceFileName ?? stored)
            : null;
    }

    private static IQueryable<CeActivityView> Query(IQueryable<CeActivity> activities) =>
        activities.AsNoTracking().OrderByDescending(a => a.CompletedOn).ThenByDescending(a => a.Id)
            .Select(a => new CeActivityView(a.Id, a.CredentialId, a.Credential.PersonId, a.Credential.Program.Slug, a.Title, a.Provider, a.CompletedOn, a.Hours, a.EthicsHours,
                a.EvidenceFileName, a.EvidenceSize, a.Decision, a.DecisionReason, a.DecidedAt, a.DecidedByName, a.Version));
}
