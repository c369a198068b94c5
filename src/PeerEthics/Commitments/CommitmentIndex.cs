using Microsoft.EntityFrameworkCore;
using PeerEthics.Codes;
using PeerEthics.Data;

namespace PeerEthics.Commitments;

/// <summary>The code version a program's people sign today: the version of the program's code in force on the clock's day.</summary>
public sealed record CodeVersionInForce(int Id, string Code, int Number, string ContentHash, string Title, DateOnly EffectiveDate);

/// <summary>One of a person's commitments, for their own pages and the API.</summary>
public sealed record MyCommitment(
    string CommitmentId, string Program, string ProgramName, string Code, string CodeTitle, int CodeVersion, string CodeHash, DateTimeOffset SignedAt, bool ForVersionInForce)
{
    public string VerificationUrl => $"/verify/{CommitmentId}";

    public string CertificateUrl => $"/commitments/{CommitmentId}/certificate.pdf";
}

/// <summary>A person of a cohort who has not signed.</summary>
public sealed record UnsignedPerson(int PersonId, string Name);

/// <summary>Who in a cohort has not signed the code version in force for the cohort's program.</summary>
public sealed record UnsignedInCohort(
    int CohortId, string CohortName, string Program, DateOnly StartsOn, string Code, int CodeVersion, string CodeHash, int Enrolled, IReadOnlyList<UnsignedPerson> NotSigned);

/// <summary>
/// Questions answered from the commitments index table (<see cref="Commitment"/>): has a person signed the version in
/// force, a person's commitments, who in a cohort has not signed. Each is one indexed query after the version in force.
/// </summary>
public sealed class CommitmentIndex(PeerEthicsDb db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The version of the program's code in force today (by the same rule as the code pages), or null when the code has none.</summary>
    public async Task<CodeVersionInForce?> InForceAsync(int programId, CancellationToken cancellationToken = default)
    {
        var versions = await db.CodeVersions.AsNoTracking()
            .Where(v => db.Programs.Any(p => p.Id == programId && p.CodeId == v.CodeId))
            .Select(v => new { v.Id, Code = v.Code.Slug, Summary = new VersionSummary(v.Number, v.EffectiveDate, v.PublishedAt, v.ContentHash, v.Title) })
            .ToListAsync(cancellationToken);
        var inForce = CodeReader.InForceOn([.. versions.Select(v => v.Summary)], Today);
        var version = versions.FirstOrDefault(v => v.Summary == inForce);
        return version is null ? null
            : new CodeVersionInForce(version.Id, version.Code, inForce!.Number, inForce.ContentHash, inForce.Title, inForce.EffectiveDate);
    }

    /// <summary>The person's commitment to this code version for this program, if they signed it.</summary>
    public async Task<(string CommitmentId, DateTimeOffset SignedAt)?> SignedAsync(int personId, int programId, int codeVersionId, CancellationToken cancellationToken = default)
    {
        var row = await db.Commitments.AsNoTracking()
            .Where(c => c.PersonId == personId && c.ProgramId == programId && c.CodeVersionId == codeVersionId)
            .Select(c => new { c.CommitmentId, c.SignedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.CommitmentId, row.SignedAt);
    }

    /// <summary>Every commitment the person signed, the latest first, each marked when it is to the version in force for its program.</summary>
    public async Task<IReadOnlyList<MyCommitment>> ForPersonAsync(int personId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Commitments.AsNoTracking()
            .Where(c => c.PersonId == personId)
            .OrderByDescending(c => c.SignedAt)
            .Select(c => new
            {
                c.CommitmentId, c.ProgramId, Program = c.Program.Slug, ProgramName = c.Program.Name, Code = c.CodeVersion.Code.Slug, c.CodeVersion.Title,
                c.CodeVersion.Number, c.CodeVersion.ContentHash, c.SignedAt, c.CodeVersionId,
            })
            .ToListAsync(cancellationToken);
        var inForce = new Dictionary<int, int?>();
        foreach (var programId in rows.Select(r => r.ProgramId).Distinct())
        {
            inForce[programId] = (await InForceAsync(programId, cancellationToken))?.Id;
        }

        return [.. rows.Select(r => new MyCommitment(r.CommitmentId, r.Program, r.ProgramName, r.Code, r.Title, r.Number, r.ContentHash, r.SignedAt, inForce[r.ProgramId] == r.CodeVersionId))];
    }

    /// <summary>The people enrolled in a cohort (not those taken out of it) who have not signed the version in force for its program (by name); null for an unknown cohort.</summary>
    public async Task<UnsignedInCohort?> UnsignedInCohortAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new { c.Id, c.Name, c.ProgramId, Program = c.Program.Slug, c.StartsOn, Enrolled = c.Enrolments.Count(e => e.WithdrawnOn == null) })
            .SingleOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            return null;
        }

        var version = await InForceAsync(cohort.ProgramId, cancellationToken);
        if (version is null)
        {
            return new UnsignedInCohort(cohort.Id, cohort.Name, cohort.Program, cohort.StartsOn, "", 0, "", cohort.Enrolled, []);
        }

        var unsigned = await db.CohortEnrolments.AsNoTracking()
            .Where(e => e.CohortId == cohortId && e.WithdrawnOn == null
                && !db.Commitments.Any(c => c.PersonId == e.PersonId && c.ProgramId == cohort.ProgramId && c.CodeVersionId == version.Id))
            .OrderBy(e => e.Person.SearchName)
            .Select(e => new UnsignedPerson(e.PersonId, e.Person.PreferredName ?? e.Person.LegalName))
            .ToListAsync(cancellationToken);
        return new UnsignedInCohort(cohort.Id, cohort.Name, cohort.Program, cohort.StartsOn, version.Code, version.Number, version.ContentHash, cohort.Enrolled, unsigned);
    }
}
