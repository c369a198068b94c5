using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

public static class AuditEntries
{
    /// <summary>The audit trail as stored, oldest first.</summary>
    public static async Task<List<AuditEntry>> ReadAuditAsync(this PeerEthicsAppFactory app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    public static async Task<List<AuditEntry>> ReadAuditAsync(this PeerEthicsAppFactory app, string action) =>
        [.. (await app.ReadAuditAsync()).Where(e => e.Action == action)];

    /// <summary>Every field a person reads in an entry, as one string to search for secrets.</summary>
    public static string Everything(this AuditEntry entry) =>
        string.Join(" | ", entry.Actor, entry.ActorName, entry.Action, entry.Target, entry.Outcome, entry.Detail);
}
