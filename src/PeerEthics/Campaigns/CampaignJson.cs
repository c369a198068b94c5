using PeerEthics.People;

namespace PeerEthics.Campaigns;

#pragma warning disable CA1720 // "Signed" counts signatures, not an integer type.
/// <summary>Excused: members who no longer have to sign (their credential lapsed, was suspended, revoked or relinquished).</summary>
public sealed record CampaignTotalsJson(int Members, int Signed, int Pending, int Overdue, int Excused)
{
    public static CampaignTotalsJson From(CampaignTotals t) => new(t.Members, t.Signed, t.Pending, t.Overdue, t.Excused);
}
#pragma warning restore CA1720

/// <summary>A campaign as <c>GET /api/campaigns</c> and <c>campaigns list --format json</c> give it.</summary>
public sealed record CampaignJson(
    int Id, string Program, string ProgramName, string Code, int CodeVersion, string CodeTitle, DateTimeOffset StartedAt, DateOnly OpensOn,
    DateOnly Deadline, int DaysToSign, bool Open, DateTimeOffset? EndedAt, string? EndedReason, CampaignTotalsJson Totals)
{
    public static CampaignJson From(CampaignSummary c) => new(c.Id, c.Program, c.ProgramName, c.Code, c.CodeVersion, c.CodeTitle, c.StartedAt, c.OpensOn,
        c.Deadline, c.DaysToSign, c.Open, c.EndedAt, c.EndedReason, CampaignTotalsJson.From(c.Totals));
}

public sealed record CampaignGroupJson(string Name, CampaignTotalsJson Totals);

/// <summary>A member: state is signed, pending, overdue or excused (no longer has to sign); lastReminder is start, week, day or overdue (null: none yet).</summary>
public sealed record CampaignMemberJson(
    int PersonId, string Name, string? Organisation, string? Supervisor, string CredentialStatus, string State, DateTimeOffset? SignedAt,
    string? LastReminder, string? LastReminderStatus, string? LastReminderError)
{
    public static CampaignMemberJson From(CampaignMemberView m) => new(m.PersonId, m.Name, m.Organisation, m.Supervisor, m.StatusNow.Name(), m.State.Name(),
        m.SignedAt, m.LastReminder?.Name(), m.LastReminderStatus?.ToString().ToLowerInvariant(), m.LastReminderError);
}

public sealed record DeadlineChangeJson(DateOnly From, DateOnly To, string Reason, DateTimeOffset At, string? ChangedBy);

public sealed record ReminderCountJson(string Kind, int Sent, int Failed);

/// <summary>One campaign as <c>GET /api/campaigns/{id}</c> and <c>campaigns show --format json</c> give it.</summary>
public sealed record CampaignDetailJson(
    CampaignJson Campaign, IReadOnlyList<CampaignGroupJson> ByOrganisation, IReadOnlyList<CampaignGroupJson> BySupervisor,
    IReadOnlyList<CampaignMemberJson> NotSigned, IReadOnlyList<CampaignMemberJson> Members, IReadOnlyList<DeadlineChangeJson> DeadlineChanges,
    IReadOnlyList<ReminderCountJson> Reminders)
{
    public static CampaignDetailJson From(CampaignDetail d) => new(
        CampaignJson.From(d.Summary),
        [.. d.ByOrganisation.Select(g => new CampaignGroupJson(g.Name, CampaignTotalsJson.From(g.Totals)))],
        [.. d.BySupervisor.Select(g => new CampaignGroupJson(g.Name, CampaignTotalsJson.From(g.Totals)))],
        [.. d.NotSigned.Select(CampaignMemberJson.From)],
        [.. d.Members.Select(CampaignMemberJson.From)],
        [.. d.DeadlineChanges.Select(c => new DeadlineChangeJson(c.From, c.To, c.Reason, c.At, c.ChangedByName))],
        [.. d.Reminders.Select(r => new ReminderCountJson(r.Kind.Name(), r.Sent, r.Failed))]);
}

/// <summary>In a person's JSON: a new code version they have not signed, pending or overdue.</summary>
public sealed record CommitmentDueJson(int CampaignId, string Program, string CodeTitle, int CodeVersion, DateOnly Deadline, string State, string SignUrl)
{
    public static CommitmentDueJson From(PersonCampaign c) => new(c.CampaignId, c.Program, c.CodeTitle, c.CodeVersion, c.Deadline, c.State.Name(), c.SignUrl);
}

/// <summary>What publishing a version says about the campaign it started (the API's publish response).</summary>
public sealed record CampaignStartedJson(int Id, DateOnly OpensOn, DateOnly Deadline, int MustSign, string Url)
{
    public static CampaignStartedJson From(CampaignStarted c) => new(c.Id, c.OpensOn, c.Deadline, c.MustSign, $"/api/campaigns/{c.Id}");
}

/// <summary>The model of <c>Campaigns/_CommitmentsDue.cshtml</c>: a person's unsigned campaigns, on their own page (<paramref name="Self"/>) or staff's.</summary>
public sealed record CommitmentsDuePartial(IReadOnlyList<PersonCampaign> Due, bool Self, DateOnly Today);
