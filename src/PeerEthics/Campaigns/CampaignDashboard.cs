using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;
using PeerEthics.People;

namespace PeerEthics.Campaigns;

#pragma warning disable CA1720 // "Signed" counts signatures, not an integer type.

/// <summary>How many members signed, are pending, are overdue, and no longer have to sign (excused).</summary>
public sealed record CampaignTotals(int Members, int Signed, int Pending, int Overdue, int Excused)
{
    /// <summary>The members who still have to sign or have signed: everyone but those excused.</summary>
    public int MustSign => Members - Excused;

    public static CampaignTotals Of(IEnumerable<SignatureState> states)
    {
        var list = states.ToList();
        return new(list.Count, list.Count(s => s == SignatureState.Signed), list.Count(s => s == SignatureState.Pending), list.Count(s => s == SignatureState.Overdue),
            list.Count(s => s == SignatureState.Excused));
    }
}

#pragma warning restore CA1720

public sealed record CampaignSummary(
    int Id, string Program, string ProgramName, string Code, int CodeVersion, string CodeTitle, DateTimeOffset StartedAt, DateOnly OpensOn,
    DateOnly Deadline, int DaysToSign, DateTimeOffset? EndedAt, string? EndedReason, int Version, CampaignTotals Totals)
{
    public bool Open => EndedAt is null;
}

/// <summary>A member of a campaign as the dashboard shows them: where they work, who supervises them, and where they stand.</summary>
public sealed record CampaignMemberView(
    int PersonId, string Name, int? OrganisationId, string? Organisation, int? SupervisorId, string? Supervisor, CredentialStatus StatusAtStart, CredentialStatus StatusNow,
    SignatureState State, DateTimeOffset? SignedAt, ReminderKind? LastReminder, ReminderStatus? LastReminderStatus, string? LastReminderError);

/// <summary>The totals of one group of members (an employer, a supervisor; "none recorded" is a group too).</summary>
public sealed record CampaignGroup(string Name, CampaignTotals Totals);

public sealed record DeadlineChangeView(DateOnly From, DateOnly To, string Reason, DateTimeOffset At, string? ChangedByName);

public sealed record ReminderCount(ReminderKind Kind, int Sent, int Failed);

public sealed record CampaignDetail(
    CampaignSummary Summary, IReadOnlyList<CampaignGroup> ByOrganisation, IReadOnlyList<CampaignGroup> BySupervisor,
    IReadOnlyList<CampaignMemberView> Members, IReadOnlyList<DeadlineChangeView> DeadlineChanges, IReadOnlyList<ReminderCount> Reminders)
{
    /// <summary>Who still has to sign and has not, overdue first, then by name.</summary>
    public IReadOnlyList<CampaignMemberView> NotSigned =>
        [.. Members.Where(m => m.State is SignatureState.Pending or SignatureState.Overdue).OrderByDescending(m => m.State == SignatureState.Overdue).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>Who no longer has to sign: their credential is no longer certified, in training or inactive.</summary>
    public IReadOnlyList<CampaignMemberView> Excused => [.. Members.Where(m => m.State == SignatureState.Excused)];
}

/// <summary>A campaign a person has not signed yet, for the flag on their own pages and on their staff record.</summary>
public sealed record PersonCampaign(int CampaignId, string Program, string ProgramName, string CodeTitle, int CodeVersion, DateOnly OpensOn, DateOnly Deadline, SignatureState State)
{
    public string SignUrl => $"/my/commitments/sign?program={Program}";
}

/// <summary>
/// Reads campaigns for the staff dashboard, the API and the command line, and a person's unsigned campaigns for the
/// overdue flag. A member has signed when the commitments index has their signature of the campaign's code version;
/// pending or overdue is decided by the deadline and the clock's day (UTC).
/// </summary>
public sealed class CampaignDashboard(PeerEthicsDb db, TimeProvider clock)
{
    public const string NoOrganisation = "No employer recorded";
    public const string NoSupervisor = "No supervisor recorded";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Every campaign, the newest first, with its totals.</summary>
    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Campaigns.AsNoTracking()
            .OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, Program = c.Program.Slug, ProgramName = c.Program.Name, Code = c.CodeVersion.Code.Slug, c.CodeVersion.Number, c.CodeVersion.Title,
                c.StartedAt, c.OpensOn, c.Deadline, c.DaysToSign, c.EndedAt, c.EndedReason, c.Version,
                Members = c.Members.Count,
                Signed = c.Members.Count(m => db.Commitments.Any(k => k.PersonId == m.PersonId && k.ProgramId == c.ProgramId && k.CodeVersionId == c.CodeVersionId)),
                Excused = c.Members.Count(m => !CampaignRules.StillBound.Contains(m.Credential.Status)
                    && !db.Commitments.Any(k => k.PersonId == m.PersonId && k.ProgramId == c.ProgramId && k.CodeVersionId == c.CodeVersionId)),
            })
            .ToListAsync(cancellationToken);
        var today = Today;
        return [.. rows.Select(r =>
        {
            var unsigned = r.Members - r.Signed - r.Excused;
            var overdue = today > r.Deadline ? unsigned : 0;
            return new CampaignSummary(r.Id, r.Program, r.ProgramName, r.Code, r.Number, r.Title, r.StartedAt, r.OpensOn, r.Deadline, r.DaysToSign,
                r.EndedAt, r.EndedReason, r.Version, new CampaignTotals(r.Members, r.Signed, unsigned - overdue, overdue, r.Excused));
        })];
    }

    /// <summary>One campaign with its breakdowns, members, deadline changes and reminders; null when there is none.</summary>
    public async Task<CampaignDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id, c.ProgramId, c.CodeVersionId, Program = c.Program.Slug, ProgramName = c.Program.Name, Code = c.CodeVersion.Code.Slug, c.CodeVersion.Number,
                c.CodeVersion.Title, c.StartedAt, c.OpensOn, c.Deadline, c.DaysToSign, c.EndedAt, c.EndedReason, c.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var rows = await db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == id)
            .Select(m => new
            {
                m.PersonId, Name = m.Person.PreferredName ?? m.Person.LegalName, m.Person.OrganisationId, Organisation = m.Person.Organisation!.Name,
                m.Person.SupervisorId, Supervisor = m.Person.Supervisor!.Name,
                m.StatusAtStart, StatusNow = m.Credential.Status,
                SignedAt = db.Commitments.Where(k => k.PersonId == m.PersonId && k.ProgramId == campaign.ProgramId && k.CodeVersionId == campaign.CodeVersionId)
                    .Select(k => (DateTimeOffset?)k.SignedAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var reminders = await db.CampaignReminders.AsNoTracking().Where(r => r.CampaignId == id)
            .Select(r => new { r.PersonId, r.Kind, r.Status, r.LastError })
            .ToListAsync(cancellationToken);
        var latest = reminders.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Kind)!);
        var today = Today;
        var members = rows.Select(r =>
        {
            var last = latest.GetValueOrDefault(r.PersonId);
            return new CampaignMemberView(r.PersonId, r.Name, r.OrganisationId, r.Organisation, r.SupervisorId, r.Supervisor, r.StatusAtStart, r.StatusNow,
                CampaignRules.StateOf(r.SignedAt is not null, r.StatusNow, campaign.Deadline, today), r.SignedAt, last?.Kind, last?.Status, last?.LastError);
        }).OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var changes = await db.CampaignDeadlineChanges.AsNoTracking().Where(d => d.CampaignId == id).OrderBy(d => d.At).ThenBy(d => d.Id)
            .Select(d => new DeadlineChangeView(d.From, d.To, d.Reason, d.At, d.ChangedByName))
            .ToListAsync(cancellationToken);
        var summary = new CampaignSummary(campaign.Id, campaign.Program, campaign.ProgramName, campaign.Code, campaign.Number, campaign.Title, campaign.StartedAt,
            campaign.OpensOn, campaign.Deadline, campaign.DaysToSign, campaign.EndedAt, campaign.EndedReason, campaign.Version,
            CampaignTotals.Of(members.Select(m => m.State)));
        return new CampaignDetail(summary, Groups(members, m => (m.OrganisationId, m.Organisation), NoOrganisation), Groups(members, m => (m.SupervisorId, m.Supervisor), NoSupervisor), members, changes,
            [.. Enum.GetValues<ReminderKind>().Select(k => new ReminderCount(k,
                reminders.Count(r => r.Kind == k && r.Status == ReminderStatus.Sent), reminders.Count(r => r.Kind == k && r.Status == ReminderStatus.Failed)))]);
    }

    /// <summary>The open campaigns a person is in, still has to sign and has not, the earliest deadline first.</summary>
    public async Task<IReadOnlyList<PersonCampaign>> UnsignedForPersonAsync(int personId, CancellationToken cancellationToken = default)
    {
        var rows = await db.CampaignMembers.AsNoTracking()
            .Where(m => m.PersonId == personId && m.Campaign.EndedAt == null && CampaignRules.StillBound.Contains(m.Credential.Status)
                && !db.Commitments.Any(k => k.PersonId == personId && k.ProgramId == m.Campaign.ProgramId && k.CodeVersionId == m.Campaign.CodeVersionId))
            .Select(m => new { m.CampaignId, m.Campaign.Program.Slug, m.Campaign.Program.Name, m.Campaign.CodeVersion.Title, m.Campaign.CodeVersion.Number, m.Campaign.OpensOn, m.Campaign.Deadline, m.Credential.Status })
            .ToListAsync(cancellationToken);
        var today = Today;
        return [.. rows.OrderBy(r => r.Deadline).Select(r => new PersonCampaign(r.CampaignId, r.Slug, r.Name, r.Title, r.Number, r.OpensOn, r.Deadline,
            CampaignRules.StateOf(false, r.Status, r.Deadline, today)))];
    }

    /// <summary>Members grouped by an employer or supervisor (by id: two of the same name stay apart), those with none last.</summary>
    private static IReadOnlyList<CampaignGroup> Groups(IEnumerable<CampaignMemberView> members, Func<CampaignMemberView, (int? Id, string? Name)> key, string none) =>
        [.. members.GroupBy(m => key(m).Id)
            .Select(g => (None: g.Key is null, Group: new CampaignGroup(key(g.First()).Name ?? none, CampaignTotals.Of(g.Select(m => m.State)))))
            .OrderBy(g => g.None).ThenBy(g => g.Group.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => g.Group)];
}
