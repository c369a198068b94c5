using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Codes;
using PeerEthics.Data;
using PeerEthics.Ledger;
using PeerEthics.Ledger.Pledges;
using PeerEthics.People;
using PeerEthics.People.Forms;

namespace PeerEthics.Commitments;

/// <summary>Everything the signing page shows a person for one program: the code version in force, the pledge with their name, and where they stand.</summary>
public sealed record SigningPage(
    int PersonId,
    string LegalName,
    int ProgramId,
    string Program,
    string ProgramName,
    CodeVersionView Code,
    CodeVersionInForce Version,
    RenderedPledge Pledge,
    bool RecordsIpAddress,
    int? CredentialId,
    int? CohortId,
    string? CohortName,
    string? Ineligible,
    string? SignedCommitmentId,
    DateTimeOffset? SignedAt)
{
    /// <summary>What the ledger records the commitment as being for.</summary>
    public string CredentialOrCohort => CohortId is { } cohort ? $"cohort:{cohort}" : $"credential:{CredentialId}";
}

/// <summary>What the person typed (and ticked) on the form or sent to the API.</summary>
public sealed record SignInput(string? TypedName, bool Confirm, string? Password, string? Totp);

/// <summary>The outcome of a signature.</summary>
public abstract record SigningOutcome
{
    /// <summary>Recorded now, or earlier under the same idempotency key (<paramref name="Replayed"/>).</summary>
    public sealed record Recorded(string CommitmentId, bool Replayed) : SigningOutcome;

    /// <summary>The person had already signed the version in force: nothing new is recorded.</summary>
    public sealed record AlreadySigned(string CommitmentId) : SigningOutcome;

    public sealed record Refused(FieldErrors Errors) : SigningOutcome;

    public sealed record NotFound(string What) : SigningOutcome;
}

/// <summary>
/// The signing flow: a trainee or specialist signs the pledge of the code version in force for their program. The
/// typed name must match the record (<see cref="NameMatcher"/>), the box must be ticked, and the person proves who
/// they are again (<see cref="SignerCheck"/>); the time is the server's. The ledger entry, the index row and the
/// audit entry commit in one transaction, and an idempotency key makes a retried request return the first commitment.
/// </summary>
public sealed class CommitmentSigning(
    PeerEthicsDb db, CommitmentIndex index, CodeReader codes, PledgeTemplates templates, CommitmentLedger ledger, SignerCheck signer, AuditLog audit, TimeProvider clock)
{
    public const int MaxIdempotencyKeyLength = 100;

    /// <summary>Credentials whose holder signs: not those the program ended or paused.</summary>
    private static readonly CredentialStatus[] s_signing = [CredentialStatus.Applicant, CredentialStatus.Trainee, CredentialStatus.Certified, CredentialStatus.Inactive];

    /// <summary>The signing page of a person for a program, or null when the person has no credential with it (or it does not exist).</summary>
    public async Task<SigningPage?> PrepareAsync(int personId, string? programSlug, CancellationToken cancellationToken = default)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Slug == (programSlug ?? "").Trim())
            .Select(p => new { p.Id, p.Slug, p.Name, Code = p.Code.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        var credential = program is null ? null
            : await db.Credentials.AsNoTracking().Where(c => c.PersonId == personId && c.ProgramId == program.Id)
                .Select(c => new { c.Id, c.Status, LegalName = c.Person.LegalName })
                .SingleOrDefaultAsync(cancellationToken);
        if (program is null || credential is null
            || await index.InForceAsync(program.Id, cancellationToken) is not { } version
            || await codes.GetAsync(program.Code, version.Number, cancellationToken) is not { } code)
        {
            return null;
        }

        // A trainee signs for the training cohort they are in (the latest not yet completed), before it starts.
        var cohort = credential.Status != CredentialStatus.Trainee ? null
            : await db.CohortEnrolments.AsNoTracking()
                .Where(e => e.PersonId == personId && e.Cohort.ProgramId == program.Id && e.Cohort.CompletedOn == null)
                .OrderByDescending(e => e.Cohort.StartsOn)
                .Select(e => new { e.CohortId, e.Cohort.Name })
                .FirstOrDefaultAsync(cancellationToken);
        var settings = await templates.SettingsAsync(program.Slug, cancellationToken);
        var pledge = PledgeRenderer.Render(code.Document.Pledge, settings.Text, credential.LegalName, program.Name, version.Title);
        var signed = await index.SignedAsync(personId, program.Id, version.Id, cancellationToken);
        var ineligible = s_signing.Contains(credential.Status) ? null
            : $"Your {program.Name} credential is {credential.Status.Describe().ToLowerInvariant()}, so there is nothing to sign for now. If this is wrong, ask your program's registrar.";
        return new SigningPage(personId, credential.LegalName, program.Id, program.Slug, program.Name, code, version, pledge, settings.RecordIpAddress,
            cohort is null ? credential.Id : null, cohort?.CohortId, cohort?.Name, ineligible, signed?.CommitmentId, signed?.SignedAt);
    }

    /// <summary>The programs a person can sign for (those they hold a credential with), by slug and name.</summary>
    public async Task<IReadOnlyList<(string Slug, string Name)>> ProgramsOfAsync(int personId, CancellationToken cancellationToken = default) =>
        [.. (await db.Credentials.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.Program.Name)
            .Select(c => new { c.Program.Slug, c.Program.Name }).ToListAsync(cancellationToken)).Select(p => (p.Slug, p.Name))];

    /// <summary>
    /// Signs for <paramref name="personId"/> (the caller, signed in as <paramref name="principal"/>). Nothing is recorded
    /// unless every check passes. <paramref name="ipAddress"/> is kept only when the program records IP addresses.
    /// </summary>
    public async Task<SigningOutcome> SignAsync(
        int personId, ClaimsPrincipal principal, string? programSlug, SignInput input, string? idempotencyKey, string? userAgent, string? ipAddress,
        CancellationToken cancellationToken = default)
    {
        var key = idempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > MaxIdempotencyKeyLength)
        {
            return new SigningOutcome.Refused(FieldErrors.One("idempotencyKey",
                $"Send a one-time key of up to {MaxIdempotencyKeyLength} characters (the Idempotency-Key header, e.g. a new GUID), the same on a retry. On the page, reload it and sign again."));
        }

        // Keys are the person's own: another person's key can neither find nor block their commitment.
        var ledgerKey = $"sign:{personId}:{key}";
        if (await ReplayAsync(ledgerKey, cancellationToken) is { } replayed)
        {
            return new SigningOutcome.Recorded(replayed, true);
        }

        if (await PrepareAsync(personId, programSlug, cancellationToken) is not { } page)
        {
            return new SigningOutcome.NotFound($"program '{programSlug}' among your credentials");
        }

        if (page.SignedCommitmentId is { } existing)
        {
            return new SigningOutcome.AlreadySigned(existing);
        }

        if (page.Ineligible is { } why)
        {
            return new SigningOutcome.Refused(FieldErrors.One("program", why));
        }

        var errors = new FieldErrors();
        if (NameMatcher.Compare(input.TypedName, page.LegalName) is { Matches: false, Message: var message })
        {
            errors.Add("typedName", message!);
        }

        if (!input.Confirm)
        {
            errors.Add("confirm", "Tick the box to confirm that you have read the code and commit to the pledge.");
        }

        var authentication = await signer.CheckAsync(principal, input.Password, input.Totp, errors, cancellationToken);
        if (errors.Any || authentication is null)
        {
            return new SigningOutcome.Refused(errors);
        }

        var record = new CommitmentRecord(
            CommitmentRecord.NewId(), personId.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Program, page.CredentialOrCohort,
            page.Version.Code, page.Version.Number, page.Version.ContentHash, page.Pledge.Text, input.TypedName!.Trim(),
            StoredForm.ToStoredPrecision(clock.GetUtcNow()), authentication, Truncate(userAgent, 1000))
        {
            IpAddress = page.RecordsIpAddress && System.Net.IPAddress.TryParse(ipAddress, out var ip) ? ip.ToString() : null,
        };
        return await RecordAsync(page, record, ledgerKey, cancellationToken);
    }

    private async Task<SigningOutcome> RecordAsync(SigningPage page, CommitmentRecord record, string ledgerKey, CancellationToken cancellationToken)
    {
        // One transaction: the ledger entry (the ledger lock first), then the index row and the audit entry.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var appended = await ledger.AppendAsync(record, ledgerKey, cancellationToken);
            if (appended.AlreadyAppended)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new SigningOutcome.Recorded(appended.Entry.CommitmentId, true);
            }

            db.Commitments.Add(new Commitment
            {
                CommitmentId = record.CommitmentId, PersonId = page.PersonId, ProgramId = page.ProgramId, CodeVersionId = page.Version.Id,
                CredentialId = page.CredentialId, CohortId = page.CohortId, SignedAt = record.SignedAt,
            });
            audit.Record("commitment.signed", $"commitment:{record.CommitmentId}",
                detail: $"person:{page.PersonId}, {page.Program}, {page.Version.Code} version {page.Version.Number}, {record.Authentication}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SigningOutcome.Recorded(record.CommitmentId, false);
        }
        catch (DbUpdateException)
        {
            // Another request of the same person got there first (the unique indexes): nothing of this one is kept.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await ReplayAsync(ledgerKey, cancellationToken) is { } replayed)
            {
                return new SigningOutcome.Recorded(replayed, true);
            }

            if (await index.SignedAsync(page.PersonId, page.ProgramId, page.Version.Id, cancellationToken) is { } signed)
            {
                return new SigningOutcome.AlreadySigned(signed.CommitmentId);
            }

            throw;
        }
    }

    private Task<string?> ReplayAsync(string ledgerKey, CancellationToken cancellationToken) =>
        db.LedgerEntries.AsNoTracking().Where(e => e.IdempotencyKey == ledgerKey).Select(e => e.CommitmentId).FirstOrDefaultAsync(cancellationToken);

    private static string? Truncate(string? text, int max) => text is { Length: > 0 } t ? (t.Length > max ? t[..max] : t) : null;
}
