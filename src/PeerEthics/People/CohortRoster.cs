using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.People.Forms;
using PeerEthics.Web;

namespace PeerEthics.People;

public sealed record CohortInput(string? Program, string? Name, DateOnly? StartsOn, DateOnly? EndsOn, string? Trainer);

/// <summary>A trainee on a cohort's roster; one taken out of it before completion has <see cref="WithdrawnOn"/> and the reason.</summary>
public sealed record EnrolmentView(int PersonId, string Name, bool? Finished, DateOnly? WithdrawnOn, string? WithdrawalReason)
{
    [JsonIgnore]
    public bool Withdrawn => WithdrawnOn is not null;
}

/// <summary>
/// A cohort with everyone who was ever on its roster; <see cref="Enrolled"/> leaves out those withdrawn. The program's
/// name is for the staff pages (the JSON names the program by its slug).
/// </summary>
public sealed record CohortView(
    int Id, string ProgramSlug, [property: JsonIgnore] string ProgramName, string Name, DateOnly StartsOn, DateOnly EndsOn, string Trainer, DateOnly? CompletedOn,
    IReadOnlyList<EnrolmentView> Enrolments)
{
    /// <summary>The trainees in the cohort now: everyone on the roster but those taken out of it.</summary>
    [JsonIgnore]
    public IReadOnlyList<EnrolmentView> Enrolled => [.. Enrolments.Where(e => !e.Withdrawn)];
}

/// <summary>Taking a trainee out of a cohort: who, and why.</summary>
public sealed record WithdrawalInput(int? PersonId, string? Reason);

/// <summary>A trainee who may be enrolled in a cohort, as a list to choose from shows them.</summary>
public sealed record TraineeChoice(int PersonId, string LegalName, string? PreferredName);

/// <summary>A cohort as the staff list shows it: one row, the number enrolled (not counting those withdrawn) instead of the names.</summary>
public sealed record CohortSummary(int Id, string ProgramName, string Name, DateOnly StartsOn, DateOnly EndsOn, string Trainer, DateOnly? CompletedOn, int Enrolled);

/// <summary>
/// Training cohorts: create, enrol trainees, take one out before the end, complete (which makes those who finished
/// eligible for certification).
/// </summary>
public sealed class CohortRoster(PeerEthicsDb db, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Every cohort, the latest first, with its enrolments: one query.</summary>
    public async Task<IReadOnlyList<CohortView>> ListAsync(CancellationToken cancellationToken = default) =>
        await Views(db.Cohorts.OrderByDescending(c => c.StartsOn)).ToListAsync(cancellationToken);

    public async Task<CohortView?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await Views(db.Cohorts.Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The one projection the list and a single cohort share.</summary>
    private static IQueryable<CohortView> Views(IQueryable<Cohort> cohorts) =>
        cohorts.AsNoTracking().Select(c => new CohortView(
            c.Id, c.Program.Slug, c.Program.Name, c.Name, c.StartsOn, c.EndsOn, c.Trainer, c.CompletedOn,
            c.Enrolments.OrderBy(e => e.Person.SearchName).ThenBy(e => e.PersonId)
                .Select(e => new EnrolmentView(e.PersonId, e.Person.PreferredName ?? e.Person.LegalName, e.Finished, e.WithdrawnOn, e.WithdrawalReason)).ToList()));

    /// <summary>Cohorts newest first, in one query, for the staff list.</summary>
    public async Task<IReadOnlyList<CohortSummary>> SummariesAsync(CancellationToken cancellationToken = default) =>
        await db.Cohorts.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new CohortSummary(c.Id, c.Program.Name, c.Name, c.StartsOn, c.EndsOn, c.Trainer, c.CompletedOn, c.Enrolments.Count(e => e.WithdrawnOn == null)))
            .ToListAsync(cancellationToken);

    public Task<Outcome<CohortView>> CreateAsync(CohortInput input, CancellationToken cancellationToken = default) =>
        CreateAsync(input, new FieldErrors(), cancellationToken);

    /// <summary>
    /// Creates a cohort, adding to <paramref name="errors"/> found already (a form's date that is not a date): a
    /// field with an error there is not asked for again.
    /// </summary>
    public async Task<Outcome<CohortView>> CreateAsync(CohortInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        var programId = await db.Programs.Where(p => p.Slug == (input.Program ?? "").Trim()).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (programId is null)
        {
            errors.Add("program", "Choose the program the cohort trains for.");
        }

        Text("name", input.Name, "the cohort's name, such as Spring 2027 Boston");
        if (input.StartsOn is null && !errors.Has("startsOn"))
        {
            errors.Add("startsOn", "Enter the first day of training.");
        }

        if (input.EndsOn is null)
        {
            if (!errors.Has("endsOn"))
            {
                errors.Add("endsOn", "Enter the last day of training.");
            }
        }
        else if (input.StartsOn is { } start && input.EndsOn < start)
        {
            errors.Add("endsOn", "The last day of training cannot be before the first.");
        }

        Text("trainer", input.Trainer, "the trainer's name");
        if (errors.Any)
        {
            return new Outcome<CohortView>.Refused(errors);
        }

        var cohort = new Cohort
        {
            ProgramId = programId!.Value, Name = input.Name!.Trim(), StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn!.Value, Trainer = input.Trainer!.Trim(),
        };
        db.Cohorts.Add(cohort);
        audit.Record("cohort.created", "cohort:new", detail: cohort.Name);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<CohortView>.Done((await GetAsync(cohort.Id, cancellationToken))!);

        void Text(string field, string? value, string what)
        {
            if (FormValues.Clean(value) is not { } clean)
            {
                errors.Add(field, $"Enter {what}.");
            }
            else if (clean.Length > 200)
            {
                errors.Add(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} can be at most 200 characters long.");
            }
        }
    }

    /// <summary>
    /// Who may be enrolled in the cohort (the rule <see cref="EnrolAsync"/> applies): trainees with its program who
    /// are not enrolled in it (or were taken out of it), by name, at most <see cref="PeopleDirectory.PageSize"/>; narrowed to names with a
    /// word starting with <paramref name="query"/> when one is given.
    /// </summary>
    public async Task<IReadOnlyList<TraineeChoice>> TraineesToEnrolAsync(int cohortId, string? query, CancellationToken cancellationToken = default)
    {
        var trainees = db.Credentials.AsNoTracking()
            .Where(c => c.Status == CredentialStatus.Trainee
                && db.Cohorts.Any(k => k.Id == cohortId && k.ProgramId == c.ProgramId)
                && !db.CohortEnrolments.Any(e => e.CohortId == cohortId && e.PersonId == c.PersonId && e.WithdrawnOn == null));
        var key = NameSearch.Normalize(query);
        if (key.Length > 0)
        {
            var word = " " + key;
            var alias = "|" + key;
            trainees = trainees.Where(c => c.Person.SearchName.StartsWith(key) || c.Person.SearchName.Contains(word) || c.Person.SearchName.Contains(alias));
        }

        return await trainees.OrderBy(c => c.Person.SearchName).ThenBy(c => c.PersonId).Take(PeopleDirectory.PageSize)
            .Select(c => new TraineeChoice(c.PersonId, c.Person.LegalName, c.Person.PreferredName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Enrols a person who is a trainee with the cohort's program; one taken out of it earlier comes back.</summary>
    public async Task<Outcome<CohortView>> EnrolAsync(int cohortId, int? personId, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => new { c.Id, c.ProgramId, c.CompletedOn }).SingleOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            return new Outcome<CohortView>.NotFound($"cohort {cohortId}");
        }

        var errors = new FieldErrors();
        var status = personId is null ? null
            : await db.Credentials.Where(c => c.PersonId == personId && c.ProgramId == cohort.ProgramId).Select(c => (CredentialStatus?)c.Status).SingleOrDefaultAsync(cancellationToken);
        if (cohort.CompletedOn is not null)
        {
            errors.Add("personId", "This cohort is completed; enrol the person in another cohort.");
        }
        else if (personId is null || !await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            errors.Add("personId", "Choose the person to enrol.");
        }
        else if (status is not CredentialStatus.Trainee)
        {
            errors.Add("personId", "Only a trainee with this cohort's program can be enrolled. Accept the person into training first (status trainee).");
        }
        var earlier = errors.Any ? null
            : await db.CohortEnrolments.SingleOrDefaultAsync(e => e.CohortId == cohortId && e.PersonId == personId, cancellationToken);
        if (earlier is { WithdrawnOn: null })
        {
            errors.Add("personId", "This person is already enrolled in the cohort.");
        }

        if (errors.Any)
        {
            return new Outcome<CohortView>.Refused(errors);
        }

        if (earlier is null)
        {
            db.CohortEnrolments.Add(new CohortEnrolment { CohortId = cohortId, PersonId = personId!.Value });
        }
        else
        {
            earlier.WithdrawnOn = null;
            earlier.WithdrawalReason = null;
        }

        audit.Record("cohort.enrolled", $"cohort:{cohortId}", detail: earlier is null ? $"person:{personId}" : $"person:{personId}, again");
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<CohortView>.Done((await GetAsync(cohortId, cancellationToken))!);
    }

    /// <summary>
    /// Takes a trainee out of a cohort that is not completed: they left training, or were enrolled by mistake. The
    /// enrolment stays on the roster with the date and the reason; the credential is left as it is (still a trainee,
    /// who may be enrolled in another cohort, or in this one again). The audit entry names the person, not the reason.
    /// </summary>
    public async Task<Outcome<CohortView>> WithdrawAsync(int cohortId, WithdrawalInput input, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => new { c.CompletedOn }).SingleOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            return new Outcome<CohortView>.NotFound($"cohort {cohortId}");
        }

        var errors = new FieldErrors();
        var enrolment = input.PersonId is not { } personId ? null
            : await db.CohortEnrolments.SingleOrDefaultAsync(e => e.CohortId == cohortId && e.PersonId == personId, cancellationToken);
        if (cohort.CompletedOn is not null)
        {
            errors.Add("personId", "This cohort is completed, so no one can be taken out of it. Its roster records who finished.");
        }
        else if (enrolment is null)
        {
            errors.Add("personId", input.PersonId is null ? "Choose the trainee to take out of the cohort." : "This person is not enrolled in the cohort.");
        }
        else if (enrolment.WithdrawnOn is not null)
        {
            errors.Add("personId", $"This trainee was already taken out of the cohort on {Display.Iso(enrolment.WithdrawnOn.Value)}.");
        }

        var reason = FormValues.Clean(input.Reason);
        if (reason is null)
        {
            errors.Add("reason", "Enter why the trainee is leaving the cohort, such as \"moved away\" or \"enrolled by mistake\".");
        }
        else if (reason.Length > CohortEnrolment.MaxWithdrawalReasonLength)
        {
            errors.Add("reason", $"The reason can be at most {CohortEnrolment.MaxWithdrawalReasonLength} characters long; it has {reason.Length}.");
        }

        if (errors.Any)
        {
            return new Outcome<CohortView>.Refused(errors);
        }

        enrolment!.WithdrawnOn = Today;
        enrolment.WithdrawalReason = reason;
        audit.Record("cohort.withdrawn", $"cohort:{cohortId}", detail: $"person:{enrolment.PersonId}");
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<CohortView>.Done((await GetAsync(cohortId, cancellationToken))!);
    }

    /// <summary>
    /// Records the cohort as completed. Everyone enrolled finished unless listed in <paramref name="didNotFinish"/>;
    /// a trainee taken out of the cohort earlier did not;
    /// those who finished become eligible for certification (their credential's EligibleSince is set).
    /// </summary>
    public async Task<Outcome<CohortView>> CompleteAsync(int cohortId, IReadOnlyCollection<int> didNotFinish, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.Include(c => c.Enrolments).SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null)
        {
            return new Outcome<CohortView>.NotFound($"cohort {cohortId}");
        }

        if (cohort.CompletedOn is not null)
        {
            return new Outcome<CohortView>.Refused(FieldErrors.One("cohort", "This cohort is already completed."));
        }

        if (Today < cohort.EndsOn)
        {
            return new Outcome<CohortView>.Refused(FieldErrors.One("cohort", $"Training ends on {Display.Iso(cohort.EndsOn)}; the cohort can be completed from then."));
        }

        var finishers = cohort.Enrolments.Where(e => e.WithdrawnOn is null && !didNotFinish.Contains(e.PersonId)).Select(e => e.PersonId).ToList();
        foreach (var enrolment in cohort.Enrolments)
        {
            enrolment.Finished = finishers.Contains(enrolment.PersonId);
        }

        cohort.CompletedOn = Today;
        var credentials = await db.Credentials.Where(c => c.ProgramId == cohort.ProgramId && finishers.Contains(c.PersonId)).ToListAsync(cancellationToken);
        foreach (var credential in credentials)
        {
            credential.EligibleSince ??= Today;
            credential.Version++;
        }

        var enrolled = cohort.Enrolments.Count(e => e.WithdrawnOn is null);
        audit.Record("cohort.completed", $"cohort:{cohortId}", detail: $"{finishers.Count} finished, {enrolled - finishers.Count} did not");
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<CohortView>.Done((await GetAsync(cohortId, cancellationToken))!);
    }
}
