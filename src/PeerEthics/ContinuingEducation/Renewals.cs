using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Programs;

namespace PeerEthics.ContinuingEducation;

public sealed record RenewalApplicationView(int Id, int CredentialId, DateOnly CycleExpiresOn, DateTimeOffset SubmittedAt, RenewalState State, string? Reason, DateOnly? NewExpiresOn, string? DecidedByName);

/// <summary>Where a credential stands for renewal: the window, each requirement, and any application for this cycle.</summary>
public sealed record RenewalAssessment(
    CredentialView Credential,
    DateOnly? WindowOpensOn,
    DateOnly? WindowClosesOn,
    bool WindowOpen,
    CeProgress? Progress,
    IReadOnlyList<RequirementCheck> Checks,
    RenewalApplicationView? Application)
{
    public bool AllMet => Checks.Count > 0 && Checks.All(c => c.Met);

    public bool CanApply => WindowOpen && AllMet && Application is not { State: RenewalState.Submitted or RenewalState.Approved };

    /// <summary>Why the person cannot apply now, or null when they can.</summary>
    public string? WhyNot(DateOnly today) =>
        Credential.Status != CredentialStatus.Certified ? $"Only a certified credential can be renewed; this one is {Credential.Status.Describe().ToLowerInvariant()}."
        : Application is { State: RenewalState.Submitted } ? "Your application is waiting for the registrar."
        : Application is { State: RenewalState.Approved } ? "This cycle is already renewed."
        : WindowOpensOn is { } opens && today < opens ? $"Applications open on {Web.Display.Date(opens)}, {Web.Display.Count(opens.DayNumber - today.DayNumber, "day", "days")} from now."
        : !WindowOpen ? "The renewal window has closed."
        : !AllMet ? "Some requirements are not met yet (see the list)."
        : null;
}

/// <summary>Renewal: a specialist applies in the window before expiry (or in the grace period); a registrar approves, and the new expiry follows the cycle.</summary>
public sealed class Renewals(PeerEthicsDb db, AuditLog audit, ProgramSettingsHistory settings, PeopleDirectory directory, CeLog ce, IEnumerable<IRenewalRequirement> requirements)
{
    public DateOnly Today => settings.Today;

    /// <summary>The assessment of the person's credential, or null when it is not theirs (or does not exist).</summary>
    public async Task<RenewalAssessment?> AssessAsync(int personId, int credentialId, CancellationToken cancellationToken = default)
    {
        var credential = (await directory.CredentialsOfAsync(personId, credentialId, cancellationToken)).SingleOrDefault();
        if (credential is null)
        {
            return null;
        }

        var application = await db.RenewalApplications.AsNoTracking()
            .Where(r => r.CredentialId == credentialId && r.CycleExpiresOn == credential.ExpiresOn)
            .OrderByDescending(r => r.Id)
            .Select(r => new RenewalApplicationView(r.Id, r.CredentialId, r.CycleExpiresOn, r.SubmittedAt, r.State, r.Reason, r.NewExpiresOn, r.DecidedByName))
            .FirstOrDefaultAsync(cancellationToken);
        var progress = await ce.ProgressAsync(credential, cancellationToken);
        if (credential.ExpiresOn is not { } expiry || progress is null)
        {
            return new RenewalAssessment(credential, null, null, false, progress, [], application);
        }

        var rules = (await settings.InForceOnAsync(credential.ProgramId, expiry, cancellationToken))!;
        var opens = rules.RenewalOpensFor(expiry);
        var closes = rules.GraceEndsFor(expiry);
        var context = new RenewalContext(credential, rules, progress, Today);
        var checks = new List<RequirementCheck>();
        foreach (var requirement in requirements)
        {
            checks.Add(await requirement.CheckAsync(context, cancellationToken));
        }

        var open = credential.Status == CredentialStatus.Certified && Today >= opens && Today <= closes;
        return new RenewalAssessment(credential, opens, closes, open, progress, checks, application);
    }

    /// <summary>The person applies to renew their own credential; refused (naming what is missing) outside the window or with requirements unmet.</summary>
    public async Task<Outcome<RenewalAssessment>> ApplyAsync(int personId, int credentialId, CancellationToken cancellationToken = default)
    {
        if (await AssessAsync(personId, credentialId, cancellationToken) is not { } assessment)
        {
            return new Outcome<RenewalAssessment>.NotFound($"credential {credentialId}");
        }

        if (assessment.WhyNot(Today) is { } why)
        {
            var errors = FieldErrors.One("renewal", why);
            foreach (var missing in assessment.Checks.Where(c => !c.Met))
            {
                errors.Add(missing.Key, missing.Detail);
            }

            return new Outcome<RenewalAssessment>.Refused(errors);
        }

        var entry = audit.Record("renewal.applied", $"credential:{credentialId}");
        db.RenewalApplications.Add(new RenewalApplication
        {
            CredentialId = credentialId, CycleExpiresOn = assessment.Credential.ExpiresOn!.Value, SubmittedAt = entry.At, State = RenewalState.Submitted,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<RenewalAssessment>.Done((await AssessAsync(personId, credentialId, cancellationToken))!);
    }

    public async Task<IReadOnlyList<(RenewalApplicationView Application, int PersonId, string PersonName, string Program)>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.RenewalApplications.AsNoTracking().Where(r => r.State == RenewalState.Submitted).OrderBy(r => r.SubmittedAt)
            .Select(r => new
            {
                View = new RenewalApplicationView(r.Id, r.CredentialId, r.CycleExpiresOn, r.SubmittedAt, r.State, r.Reason, r.NewExpiresOn, r.DecidedByName),
                r.Credential.PersonId, Name = r.Credential.Person.PreferredName ?? r.Credential.Person.LegalName, r.Credential.Program.Slug,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.View, r.PersonId, r.Name, r.Slug))];
    }

    /// <summary>
    /// A registrar approves (the requirements are checked again; the new cycle starts the day after the old expiry and
    /// lasts the program's cycle) or refuses with a reason.
    /// </summary>
    public async Task<Outcome<RenewalAssessment>> DecideAsync(int personId, int applicationId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        var application = await db.RenewalApplications.Include(r => r.Credential)
            .SingleOrDefaultAsync(r => r.Id == applicationId && r.Credential.PersonId == personId, cancellationToken);
        if (application is null)
        {
            return new Outcome<RenewalAssessment>.NotFound($"renewal application {applicationId} of person {personId}");
        }

        var errors = new FieldErrors();
        var approve = input.Decision?.Trim().ToLowerInvariant() switch { "approve" or "approved" => true, "refuse" or "refused" or "reject" => false, _ => (bool?)null };
        var reason = FormValues.Clean(input.Reason);
        if (approve is null)
        {
            errors.Add("decision", "Choose approve or refuse.");
        }
        else if (application.State != RenewalState.Submitted)
        {
            errors.Add("decision", $"This application was already {application.State.ToString().ToLowerInvariant()}.");
        }
        else if (approve == false && reason is null)
        {
            errors.Add("reason", "Say why the renewal is refused; the specialist reads it.");
        }

        RenewalAssessment? assessment = null;
        if (!errors.Any && approve == true)
        {
            assessment = (await AssessAsync(personId, application.CredentialId, cancellationToken))!;
            foreach (var missing in assessment.Checks.Where(c => !c.Met))
            {
                errors.Add(missing.Key, missing.Detail);
            }

            if (assessment.Credential.Status != CredentialStatus.Certified || application.CycleExpiresOn != application.Credential.ExpiresOn)
            {
                errors.Add("decision", "The credential changed since the application (its status or cycle); it cannot be renewed on this application.");
            }
        }

        if (errors.Any)
        {
            return new Outcome<RenewalAssessment>.Refused(errors);
        }

        var entry = audit.Record(approve == true ? "renewal.approved" : "renewal.refused", $"credential:{application.CredentialId}");
        application.State = approve == true ? RenewalState.Approved : RenewalState.Refused;
        application.Reason = reason;
        application.DecidedAt = entry.At;
        application.DecidedBy = entry.Actor;
        application.DecidedByName = entry.ActorName;
        if (approve == true)
        {
            var credential = application.Credential;
            var oldExpiry = credential.ExpiresOn!.Value;
            var rules = (await settings.InForceOnAsync(credential.ProgramId, oldExpiry.AddDays(1), cancellationToken))!;
            credential.IssuedOn = oldExpiry.AddDays(1);
            // The new expiry is one cycle after the old one (its anniversary), the same arithmetic as a first certification.
            credential.ExpiresOn = rules.ExpiryFor(oldExpiry);
            credential.Version++;
            application.NewExpiresOn = credential.ExpiresOn;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<RenewalAssessment>.Done((await AssessAsync(personId, application.CredentialId, cancellationToken))!);
    }
}
