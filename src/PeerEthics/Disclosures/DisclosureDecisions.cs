using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.People.Forms;

namespace PeerEthics.Disclosures;

/// <summary>A decision as sent: its name (acknowledged, guidance-given, corrective-plan, referred), a note, and the version read.</summary>
public sealed record DisclosureDecisionInput(string? Decision, string? Note, int? Version);

/// <summary>
/// Supervisors and ethics staff record decisions. A supervisor decides about the disclosures sent to them until
/// they refer one to ethics staff; ethics staff decide about any (they do not refer further). Each decision is
/// added to the record, with a note the specialist reads.
/// </summary>
public sealed class DisclosureDecisions(PeerEthicsDb db, AuditLog audit)
{
    public const int MaxNoteLength = 2000;

    public static readonly IReadOnlyList<DisclosureDecisionKind> SupervisorChoices =
        [DisclosureDecisionKind.Acknowledged, DisclosureDecisionKind.GuidanceGiven, DisclosureDecisionKind.CorrectivePlan, DisclosureDecisionKind.ReferredToEthicsStaff];

    public static readonly IReadOnlyList<DisclosureDecisionKind> EthicsStaffChoices =
        [DisclosureDecisionKind.Acknowledged, DisclosureDecisionKind.GuidanceGiven, DisclosureDecisionKind.CorrectivePlan];

    /// <summary>Whether a supervisor may still decide: not once it is with ethics staff.</summary>
    public static bool SupervisorMayDecide(DisclosureStatus status) => status != DisclosureStatus.WithEthicsStaff;

    public async Task<Outcome<int>> DecideAsSupervisorAsync(IReadOnlyList<int> supervisorIds, int id, DisclosureDecisionInput input, CancellationToken cancellationToken = default)
    {
        var disclosure = await db.Disclosures.SingleOrDefaultAsync(d => d.Id == id && d.SupervisorId != null && supervisorIds.Contains(d.SupervisorId.Value), cancellationToken);
        if (disclosure is null)
        {
            return new Outcome<int>.NotFound($"disclosure {id}");
        }

        var errors = new FieldErrors();
        if (!SupervisorMayDecide(disclosure.Status))
        {
            errors.Add("decision", "You referred this disclosure to the program's ethics staff: they decide about it now.");
        }

        return await DecideAsync(disclosure, input, SupervisorChoices, DisclosureDeciders.Supervisor, errors, cancellationToken);
    }

    public async Task<Outcome<int>> DecideAsEthicsStaffAsync(int id, DisclosureDecisionInput input, CancellationToken cancellationToken = default)
    {
        var disclosure = await db.Disclosures.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return disclosure is null
            ? new Outcome<int>.NotFound($"disclosure {id}")
            : await DecideAsync(disclosure, input, EthicsStaffChoices, DisclosureDeciders.EthicsStaff, new FieldErrors(), cancellationToken);
    }

    private async Task<Outcome<int>> DecideAsync(Disclosure disclosure, DisclosureDecisionInput input, IReadOnlyList<DisclosureDecisionKind> choices, string decidedAs, FieldErrors errors, CancellationToken cancellationToken)
    {
        var decision = DisclosureNames.Decision(input.Decision);
        if (!errors.Any && (decision is null || !choices.Contains(decision.Value)))
        {
            errors.Add("decision", $"Choose a decision: {string.Join(", ", choices.Select(c => $"{DisclosureNames.Of(c)} ({DisclosureNames.Describe(c).ToLowerInvariant()})"))}.");
        }

        var note = FormValues.Clean(input.Note);
        if (note is null && decision is not null and not DisclosureDecisionKind.Acknowledged)
        {
            errors.Add("note", decision switch
            {
                DisclosureDecisionKind.GuidanceGiven => "Write the guidance you gave: the specialist reads this note.",
                DisclosureDecisionKind.CorrectivePlan => "Write the corrective plan agreed: the specialist reads this note.",
                _ => "Write why you are referring it to ethics staff: the specialist and ethics staff read this note.",
            });
        }
        else if (note is { Length: > MaxNoteLength })
        {
            errors.Add("note", $"The note can be at most {MaxNoteLength} characters; this one has {note.Length}.");
        }

        if (input.Version is { } version && version != disclosure.Version && !errors.Has("decision"))
        {
            errors.Add("decision", "Someone recorded a decision about this disclosure since you opened it. Read it below, then decide again if you need to.");
        }

        if (errors.Any)
        {
            return new Outcome<int>.Refused(errors);
        }

        var entry = audit.Record("disclosure.decided", $"disclosure:{disclosure.Id}");
        db.DisclosureDecisions.Add(new DisclosureDecision
        {
            DisclosureId = disclosure.Id,
            Decision = decision!.Value,
            Note = note,
            DecidedAt = entry.At,
            DecidedBy = entry.Actor,
            DecidedByName = entry.ActorName,
            DecidedAs = decidedAs,
        });
        disclosure.Status = decision == DisclosureDecisionKind.ReferredToEthicsStaff ? DisclosureStatus.WithEthicsStaff : DisclosureStatus.Decided;
        disclosure.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<int>.Refused(FieldErrors.One("decision", "Someone recorded a decision about this disclosure at the same moment. Read it, then decide again if you need to."));
        }

        return new Outcome<int>.Done(disclosure.Id);
    }
}
