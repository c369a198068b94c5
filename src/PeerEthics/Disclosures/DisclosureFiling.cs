using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Rules;

namespace PeerEthics.Disclosures;

/// <summary>
/// A specialist or trainee checks a situation against their own programs' codes (nothing saved), or files it as a
/// disclosure: evaluated under each program they are bound by (the code version in force on the day it happened, the
/// rule set for that version), stored with those evaluations, and sent to their supervisor (to ethics staff when
/// they have none on record).
/// </summary>
public sealed class DisclosureFiling(PeerEthicsDb db, SituationEvaluator evaluator, AuditLog audit, TimeProvider clock)
{
    /// <summary>The statuses in which a person is bound by a program's code (applicants are not yet; revoked and relinquished no longer).</summary>
    private static readonly CredentialStatus[] Bound =
        [CredentialStatus.Trainee, CredentialStatus.Certified, CredentialStatus.Inactive, CredentialStatus.Lapsed, CredentialStatus.Suspended];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The programs whose code binds the person (their credentials' programs), by slug.</summary>
    public async Task<IReadOnlyList<ProgramChoice>> ProgramsOfAsync(int personId, CancellationToken cancellationToken = default) =>
        await db.Credentials.AsNoTracking()
            .Where(c => c.PersonId == personId && Bound.Contains(c.Status))
            .OrderBy(c => c.Program.Slug)
            .Select(c => new ProgramChoice(c.Program.Slug, c.Program.Name, c.Program.Code.Slug))
            .ToListAsync(cancellationToken);

    /// <summary>Who a disclosure would go to: the person's supervisor's name, or null for ethics staff.</summary>
    public Task<string?> SupervisorNameOfAsync(int personId, CancellationToken cancellationToken = default) =>
        db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Supervisor!.Name).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Evaluates what the person entered without saving anything.</summary>
    public async Task<Outcome<DisclosureCheck>> CheckAsync(int personId, DisclosureRead read, CancellationToken cancellationToken = default)
    {
        var programs = await ProgramsOfAsync(personId, cancellationToken);
        if (Refusal(read, programs) is { } refused)
        {
            return new Outcome<DisclosureCheck>.Refused(refused);
        }

        return new Outcome<DisclosureCheck>.Done(new DisclosureCheck(read.Situation!, await evaluator.EvaluateAsync(read.Situation!, [.. programs.Select(p => p.Slug)], cancellationToken)));
    }

    /// <summary>Files the disclosure with its evaluations and sends it on; returns its id.</summary>
    public async Task<Outcome<int>> FileAsync(int personId, string userId, DisclosureRead read, CancellationToken cancellationToken = default)
    {
        var programs = await ProgramsOfAsync(personId, cancellationToken);
        if (Refusal(read, programs) is { } refused)
        {
            return new Outcome<int>.Refused(refused);
        }

        var situation = read.Situation!;
        var evaluations = await evaluator.EvaluateAsync(situation, [.. programs.Select(p => p.Slug)], cancellationToken);
        var supervisorId = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.SupervisorId).SingleAsync(cancellationToken);
        var disclosure = new Disclosure
        {
            PersonId = personId,
            SupervisorId = supervisorId,
            FiledAt = clock.GetUtcNow(),
            FiledBy = userId,
            Kind = situation.Kind,
            Date = situation.Date,
            Direction = situation.Direction,
            Value = situation.Value,
            CashOrGiftCard = situation.CashOrGiftCard,
            Counterpart = situation.Counterpart,
            SupportEnded = situation.SupportEnded,
            Relationship = situation.Relationship,
            Impaired = situation.Impaired,
            Description = situation.Description,
            Outcome = Outcomes.Worst(evaluations.Select(e => e.Outcome)),
            Status = supervisorId is null ? DisclosureStatus.WithEthicsStaff : DisclosureStatus.AwaitingSupervisor,
            Evaluations = [.. evaluations.Select(StoredEvaluation.From)],
        };

        // The audit entry names the disclosure by its id, which the first save gives; both commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Disclosures.Add(disclosure);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("disclosure.filed", $"disclosure:{disclosure.Id}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome<int>.Done(disclosure.Id);
    }

    private static FieldErrors? Refusal(DisclosureRead read, IReadOnlyList<ProgramChoice> programs)
    {
        if (read.Errors.Any)
        {
            return read.Errors;
        }

        return programs.Count == 0
            ? FieldErrors.One("program", "Your record has no program whose code you are bound by (as a trainee or a specialist), so there is nothing to check against. Ask your program's registrar.")
            : null;
    }
}
