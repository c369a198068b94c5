using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;

namespace PeerEthics.Audit;

/// <summary>The result of checking the whole chain. <see cref="FirstBadSequence"/> names where it breaks.</summary>
public sealed record AuditVerification(long Entries, string HeadHash, long? FirstBadSequence, string? Problem)
{
    public bool Intact => FirstBadSequence is null;
}

/// <summary>
/// Walks the audit trail in order and checks every link: numbering without gaps (a deleted row), each
/// entry naming the hash of the one before (a removed or reordered row), and each entry's hash matching its
/// content (an edited row). Stops at the first entry that does not match.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(PeerEthicsDb db, CancellationToken cancellationToken = default)
    {
        long expected = 1;
        var previous = StoredForm.ChainStart;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var problem =
                entry.Sequence != expected ? $"entry {expected} is missing: the entry after {expected - 1} is numbered {entry.Sequence}"
                : entry.PreviousHash != previous ? $"entry {entry.Sequence} does not follow entry {expected - 1}: an entry was removed or the order changed"
                : AuditChain.ComputeHash(entry) != entry.Hash ? $"entry {entry.Sequence} was altered: its content no longer matches its hash"
                : null;
            if (problem is not null)
            {
                return new AuditVerification(expected - 1, previous, expected, problem);
            }

            previous = entry.Hash;
            expected++;
        }

        return new AuditVerification(expected - 1, previous, null, null);
    }
}
