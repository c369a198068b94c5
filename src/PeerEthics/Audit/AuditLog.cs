using System.Security.Claims;
using PeerEthics.Data;

namespace PeerEthics.Audit;

/// <summary>
/// Records audit entries in the current unit of work: they are saved — and sealed into the chain — with
/// the change they describe, by the next <c>SaveChangesAsync</c>.
/// </summary>
public sealed class AuditLog(PeerEthicsDb db, TimeProvider clock, AuditProcessActor processActor, IHttpContextAccessor? http = null)
{
    private static long s_recorded;

    /// <summary>Adds an entry to the unit of work. The actor is the signed-in user unless given.</summary>
    public AuditEntry Record(string action, string target, string outcome = AuditOutcome.Success, string? detail = null, string? actor = null, string? actorName = null)
    {
        var user = http?.HttpContext?.User;
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = actor ?? user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? (http?.HttpContext is null ? processActor.Actor : "anonymous"),
            ActorName = actorName ?? user?.Identity?.Name ?? (http?.HttpContext is null ? processActor.Name : null),
            Action = action,
            Target = target,
            Outcome = outcome,
            Detail = detail,
            RecordedOrder = Interlocked.Increment(ref s_recorded),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Records and saves at once (with anything else pending in the unit of work).</summary>
    public async Task RecordNowAsync(string action, string target, string outcome = AuditOutcome.Success, string? detail = null, string? actor = null, string? actorName = null, CancellationToken cancellationToken = default)
    {
        Record(action, target, outcome, detail, actor, actorName);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Who acts when no request does: <c>system</c> in the server (background jobs), <c>cli</c> with the
/// operating-system user name in the command line.
/// </summary>
public sealed record AuditProcessActor(string Actor, string? Name)
{
    public static readonly AuditProcessActor System = new("system", null);

    public static AuditProcessActor CommandLine() => new("cli", Environment.UserName);
}
