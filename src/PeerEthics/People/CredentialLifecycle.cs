using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.People.Forms;
using PeerEthics.Programs;

namespace PeerEthics.People;

/// <summary>
/// Opens credentials and changes their status through <see cref="CredentialStateMachine"/>, keeping who, when and
/// why; issues numbers in the program's format; sets expiry from the program's cycle; lapses what is past its
/// grace period. Every change is audited in the same transaction.
/// </summary>
public sealed class CredentialLifecycle(PeerEthicsDb db, AuditLog audit, ProgramSettingsHistory settings, PeopleDirectory directory)
{
    public DateOnly Today => settings.Today;

    public async Task<Outcome<CredentialView>> OpenAsync(int personId, CredentialInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return new Outcome<CredentialView>.NotFound($"person {personId}");
        }

        var errors = new FieldErrors();
        var program = await db.Programs.Where(p => p.Slug == (input.Program ?? "").Trim()).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (program is null)
        {
            errors.Add("program", "Choose the program this credential is with.");
        }
        else if (await db.Credentials.AnyAsync(c => c.PersonId == personId && c.ProgramId == program.Id, cancellationToken))
        {
            errors.Add("program", $"This person already has a record with {program.Name}; change its status instead.");
        }

        if (!CredentialStatuses.TryParse(input.Status, out var status) || !CredentialStateMachine.Initial.Contains(status))
        {
            errors.Add("status", "A new record starts as an applicant or a trainee.");
        }

        if (input.Reason is { Length: > StatusChangeInput.MaxReasonLength })
        {
            errors.Add("reason", $"The reason can be at most {StatusChangeInput.MaxReasonLength} characters long.");
        }

        if (errors.Any)
        {
            return new Outcome<CredentialView>.Refused(errors);
        }

        var entry = audit.Record("credential.opened", $"person:{personId}", detail: $"{input.Program!.Trim()} as {status.Name()}");
        var credential = new Credential { PersonId = personId, ProgramId = program!.Id, Status = status };
        credential.History.Add(new CredentialStatusChange
        {
            From = null, To = status, At = entry.At, ChangedBy = entry.Actor, ChangedByName = entry.ActorName,
            Reason = FormValues.Clean(input.Reason) ?? (status == CredentialStatus.Trainee ? "Accepted into training." : "Applied."),
        });
        db.Credentials.Add(credential);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<CredentialView>.Done(await ViewAsync(personId, credential.Id, cancellationToken));
    }

    /// <summary>
    /// Changes a credential's status. The credential must be the person's (else not found). Refused, changing
    /// nothing, when the reason is missing, the change is not one the program allows, a trainee has not completed
    /// training, or someone else changed the credential since <see cref="StatusChangeInput.Version"/>.
    /// </summary>
    public async Task<Outcome<CredentialView>> ChangeStatusAsync(int personId, int credentialId, StatusChangeInput input, CancellationToken cancellationToken = default)
    {
        var credential = await db.Credentials.SingleOrDefaultAsync(c => c.Id == credentialId && c.PersonId == personId, cancellationToken);
        if (credential is null)
        {
            return new Outcome<CredentialView>.NotFound($"credential {credentialId} of person {personId}");
        }

        var errors = new FieldErrors();
        if (!CredentialStatuses.TryParse(input.Status, out var to))
        {
            errors.Add("status", $"Choose the new status: one of {string.Join(", ", CredentialStatuses.All.Select(s => s.Name()))}.");
        }
        else if (!CredentialStateMachine.CanChange(credential.Status, to))
        {
            errors.Add("status", CredentialStateMachine.Refusal(credential.Status, to));
        }
        else if (credential.Status == CredentialStatus.Trainee && to == CredentialStatus.Certified && credential.EligibleSince is null)
        {
            errors.Add("status", "This trainee has not completed a training cohort yet, so cannot be certified.");
        }

        var reason = FormValues.Clean(input.Reason);
        if (reason is null)
        {
            errors.Add("reason", "Say why the status is changing; the person can read it in their history.");
        }
        else if (reason.Length > StatusChangeInput.MaxReasonLength)
        {
            errors.Add("reason", $"The reason can be at most {StatusChangeInput.MaxReasonLength} characters long.");
        }

        if (input.Version is { } version && version != credential.Version)
        {
            errors.Add("status", "Someone else changed this credential after you opened it. Check its status and history, then try again.");
        }

        ProgramSettingsView? inForce = null;
        if (!errors.Any && to == CredentialStatus.Certified)
        {
            inForce = await settings.InForceOnAsync(credential.ProgramId, Today, cancellationToken);
            if (inForce is null)
            {
                errors.Add("status", "The program has no settings in force today, so no expiry date or number can be set. Add its settings first.");
            }
        }

        if (errors.Any)
        {
            return new Outcome<CredentialView>.Refused(errors);
        }

        if (to == CredentialStatus.Certified)
        {
            await CertifyAsync(credential, inForce!, cancellationToken);
        }

        Record(credential, to, reason!);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<CredentialView>.Done(await ViewAsync(personId, credential.Id, cancellationToken));
    }

    /// <summary>
    /// Lapses every certified, inactive or suspended credential whose grace period (the program's, as in force on
    /// its expiry date) ended before today. Run daily by <see cref="LapseJob"/> and on demand by the command line.
    /// </summary>
    public async Task<IReadOnlyList<(int CredentialId, string Reason)>> LapseOverdueAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var candidates = await db.Credentials
            .Where(c => (c.Status == CredentialStatus.Certified || c.Status == CredentialStatus.Inactive || c.Status == CredentialStatus.Suspended)
                && c.ExpiresOn != null && c.ExpiresOn < today)
            .ToListAsync(cancellationToken);
        var lapsed = new List<(int, string)>();
        foreach (var credential in candidates)
        {
            var expiry = credential.ExpiresOn!.Value;
            var rules = await settings.InForceOnAsync(credential.ProgramId, expiry, cancellationToken);
            var graceEnds = rules?.GraceEndsFor(expiry) ?? expiry;
            if (graceEnds >= today)
            {
                continue;
            }

            var reason = $"Not renewed: the certification expired on {FormValues.Iso(expiry)} and the {rules?.GracePeriodDays ?? 0}-day grace period ended on {FormValues.Iso(graceEnds)}.";
            Record(credential, CredentialStatus.Lapsed, reason);
            lapsed.Add((credential.Id, reason));
        }

        await db.SaveChangesAsync(cancellationToken);
        return lapsed;
    }

    /// <summary>
    /// The first certification gets a number in the program's format. A cycle starts today unless the current one
    /// is still running (an inactive or suspended specialist coming back keeps their dates).
    /// </summary>
    private async Task CertifyAsync(Credential credential, ProgramSettingsView inForce, CancellationToken cancellationToken)
    {
        credential.Number ??= await NextNumberAsync(credential.ProgramId, CredentialNumberFormat.Parse(inForce.NumberFormat)!, cancellationToken);
        if (credential.ExpiresOn is not { } expiry || expiry < Today)
        {
            credential.IssuedOn = Today;
            credential.ExpiresOn = inForce.ExpiryFor(Today);
        }
    }

    /// <summary>The next number: one more than the highest issued in this format (numbers of one format sort as text).</summary>
    private async Task<string> NextNumberAsync(int programId, CredentialNumberFormat format, CancellationToken cancellationToken)
    {
        var length = format.Length;
        var highest = await db.Credentials.AsNoTracking()
            .Where(c => c.ProgramId == programId && c.Number != null && c.Number.StartsWith(format.Prefix) && c.Number.Length == length)
            .OrderByDescending(c => c.Number).Select(c => c.Number).Take(20).ToListAsync(cancellationToken);
        var sequence = highest.Select(format.SequenceOf).FirstOrDefault(s => s is not null) ?? 0;
        var pending = db.ChangeTracker.Entries<Credential>().Select(e => format.SequenceOf(e.Entity.Number)).Where(s => s is not null).DefaultIfEmpty(0).Max() ?? 0;
        return format.Format(Math.Max(sequence, pending) + 1);
    }

    private void Record(Credential credential, CredentialStatus to, string reason)
    {
        var entry = audit.Record("credential.status-changed", $"credential:{credential.Id}", detail: $"{credential.Status.Name()} -> {to.Name()}");
        db.CredentialStatusHistory.Add(new CredentialStatusChange
        {
            CredentialId = credential.Id, From = credential.Status, To = to, At = entry.At,
            ChangedBy = entry.Actor, ChangedByName = entry.ActorName, Reason = reason,
        });
        credential.Status = to;
        credential.Version++;
    }

    private async Task<CredentialView> ViewAsync(int personId, int credentialId, CancellationToken cancellationToken) =>
        (await directory.CredentialsOfAsync(personId, credentialId, cancellationToken)).Single();
}
