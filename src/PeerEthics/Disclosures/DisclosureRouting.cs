using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;

namespace PeerEthics.Disclosures;

/// <summary>
/// Who holds a person's disclosures when their supervisor changes. Only the person, their supervisor and ethics staff
/// see a disclosure, so every disclosure the former supervisor held moves to the new one; one still waiting for a
/// supervisor's decision goes to ethics staff when no supervisor is left. Decisions already recorded stay as they were.
/// </summary>
public static class DisclosureRouting
{
    /// <summary>Moves the person's disclosures to <paramref name="newSupervisorId"/>; the caller saves (one transaction with the change of supervisor).</summary>
    public static async Task FollowSupervisorAsync(PeerEthicsDb db, AuditLog audit, int personId, int? newSupervisorId, CancellationToken cancellationToken)
    {
        var held = await db.Disclosures
            .Where(d => d.PersonId == personId && d.SupervisorId != null && d.SupervisorId != newSupervisorId)
            .ToListAsync(cancellationToken);
        foreach (var disclosure in held)
        {
            var from = disclosure.SupervisorId;
            disclosure.SupervisorId = newSupervisorId;
            if (newSupervisorId is null && disclosure.Status == DisclosureStatus.AwaitingSupervisor)
            {
                disclosure.Status = DisclosureStatus.WithEthicsStaff;
            }

            disclosure.Version++;
            audit.Record("disclosure.reassigned", $"disclosure:{disclosure.Id}",
                detail: $"supervisor:{from} to {(newSupervisorId is { } to ? $"supervisor:{to}" : "ethics staff")}");
        }
    }
}
