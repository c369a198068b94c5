using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;

namespace PeerEthics.Disclosures;

/// <summary>
/// Who sees which disclosures: the person their own, a supervisor those sent to them, ethics staff all. Anything
/// else is not found (null), exactly as a disclosure that does not exist. Every read — a list or one disclosure — is
/// audited, naming disclosures by id only.
/// </summary>
public sealed class DisclosureAccess(PeerEthicsDb db, AuditLog audit)
{
    public async Task<IReadOnlyList<DisclosureSummary>> ListOwnAsync(int personId, CancellationToken cancellationToken = default) =>
        await ListAsync(db.Disclosures.Where(d => d.PersonId == personId), $"person:{personId}", cancellationToken);

    public async Task<DisclosureView?> ReadOwnAsync(int personId, int id, CancellationToken cancellationToken = default) =>
        await ReadAsync(db.Disclosures.Where(d => d.Id == id && d.PersonId == personId), cancellationToken);

    /// <summary>The supervisor records linked to an account (usually one).</summary>
    public async Task<IReadOnlyList<int>> SupervisorIdsOfAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Supervisors.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DisclosureSummary>> ListForSupervisorAsync(IReadOnlyList<int> supervisorIds, CancellationToken cancellationToken = default) =>
        await ListAsync(db.Disclosures.Where(d => d.SupervisorId != null && supervisorIds.Contains(d.SupervisorId.Value)),
            $"supervisor:{string.Join(',', supervisorIds)}", cancellationToken);

    public async Task<DisclosureView?> ReadForSupervisorAsync(IReadOnlyList<int> supervisorIds, int id, CancellationToken cancellationToken = default) =>
        await ReadAsync(db.Disclosures.Where(d => d.Id == id && d.SupervisorId != null && supervisorIds.Contains(d.SupervisorId.Value)), cancellationToken);

    /// <summary>Every disclosure, for the program's ethics staff (those waiting for them are told apart by their status).</summary>
    public async Task<IReadOnlyList<DisclosureSummary>> ListForEthicsStaffAsync(CancellationToken cancellationToken = default) =>
        await ListAsync(db.Disclosures, "disclosures:all", cancellationToken);

    public async Task<DisclosureView?> ReadForEthicsStaffAsync(int id, CancellationToken cancellationToken = default) =>
        await ReadAsync(db.Disclosures.Where(d => d.Id == id), cancellationToken);

    private async Task<IReadOnlyList<DisclosureSummary>> ListAsync(IQueryable<Disclosure> query, string target, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .OrderByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id, d.PersonId, d.Person.LegalName, d.Person.PreferredName, d.Kind, d.Date, d.FiledAt, d.Outcome, d.Status, d.SupervisorId,
                Supervisor = d.Supervisor!.Name,
                Latest = d.Decisions.OrderByDescending(x => x.Id).Select(x => (DisclosureDecisionKind?)x.Decision).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        await audit.RecordNowAsync("disclosure.listed", target, detail: rows.Count == 0 ? "none" : $"ids {string.Join(',', rows.Select(r => r.Id))}", cancellationToken: cancellationToken);
        return [.. rows.Select(r => new DisclosureSummary(r.Id, r.PersonId, r.PreferredName ?? r.LegalName, r.Kind, r.Date, r.FiledAt, r.Outcome, r.Status,
            r.SupervisorId, r.Supervisor, r.Latest))];
    }

    private async Task<DisclosureView?> ReadAsync(IQueryable<Disclosure> query, CancellationToken cancellationToken)
    {
        var d = await query.AsNoTracking()
            .Include(d => d.Person).Include(d => d.Supervisor).Include(d => d.Evaluations).Include(d => d.Decisions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (d is null)
        {
            return null;
        }

        await audit.RecordNowAsync("disclosure.viewed", $"disclosure:{d.Id}", cancellationToken: cancellationToken);
        return new DisclosureView(d.Id, d.PersonId, d.Person.DisplayName, d.SupervisorId, d.Supervisor?.Name, d.FiledAt, d.ToSituation(), d.Outcome, d.Status, d.Version,
            [.. d.Evaluations.OrderBy(e => e.Program, StringComparer.Ordinal).Select(e => StoredEvaluation.Read(e.Result))],
            [.. d.Decisions.OrderBy(x => x.DecidedAt).ThenBy(x => x.Id).Select(x => new DecisionView(x.Id, x.Decision, x.Note, x.DecidedAt, x.DecidedByName, x.DecidedAs))]);
    }
}
