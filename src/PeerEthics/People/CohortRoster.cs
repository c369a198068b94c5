using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.People.Forms;
using PeerEthics.Web;

namespace PeerEthics.People;

public sealed record CohortInput(string? Program, string? Name, DateOnly? StartsOn, DateOnly? EndsOn, string? Trainer);

public sealed record EnrolmentView(int PersonId, string Name, bool? Finished);

public sealed record CohortView(int Id, string ProgramSlug, string Name, DateOnly StartsOn, DateOnly EndsOn, string Trainer, DateOnly? CompletedOn, IReadOnlyList<EnrolmentView> Enrolments);

/// <summary>A trainee who may be enrolled in a cohort, as a list to choose from shows them.</summary>
public sealed record TraineeChoice(int PersonId, string LegalName, string? PreferredName);

/// <summary>A cohort as the staff list shows it: one row, the number enrolled instead of the names.</summary>
public sealed record CohortSummary(int Id, string ProgramName, string Name, DateOnly StartsOn, DateOnly EndsOn, string Trainer, DateOnly? CompletedOn, int Enrolled);

/// <summary>Training cohorts: create, enrol trainees, complete (which makes those who finished eligible for certification).</summary>
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
            c.Id, c.Program.Slug, c.Name, c.StartsOn, c.EndsOn, c.Trainer, c.CompletedOn,
            c.Enrolments.OrderBy(e => e.Person.SearchName).Select(e => new EnrolmentView(e.PersonId, e.Person.PreferredName ?? e.Person.LegalName, e.Finished)).ToList()));

    /// <summary>Cohorts newest first, in one query, for the staff list.</summary>
    public async Task<IReadOnlyList<CohortSummary>> SummariesAsync(CancellationToken cancellationToken = default) =>
        await db.Cohorts.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new CohortSummary(c.Id, c.Program.Name, c.Name, c.StartsOn, c.EndsOn, c.Trainer, c.CompletedOn, c.Enrolments.Count))
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
    /// are not enrolled in it yet, by name, at most <see cref="PeopleDirectory.PageSize"/>; narrowed to names with a
    /// word starting with <paramref name="query"/> when one is given.
    /// </summary>
    public async Task<IReadOnlyList<TraineeChoice>> TraineesToEnrolAsync(int cohortId, string? query, CancellationToken cancellationToken = default)
    {
        var trainees = db.Credentials.AsNoTracking()
            .Where(c => c.Status == CredentialStatus.Trainee
                && db.Cohorts.Any(k => k.Id == cohortId && k.ProgramId == c.ProgramId)
                && !db.CohortEnrolments.Any(e => e.CohortId == cohortId && e.PersonId == c.PersonId));
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

    /// <summary>Enrols a person who is a trainee with the cohort's program.</summary>
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
        else if (await db.CohortEnrolments.AnyAsync(e => e.CohortId == cohortId && e.PersonId == personId, cancellationToken))
        {
            errors.Add("personId", "This person is already enrolled in the cohort.");
        }

        if (errors.Any)
        {
            return new Outcome<CohortView>.Refused(errors);
        }

        db.CohortEnrolments.Add(new CohortEnrolment { CohortId = cohortId, PersonId = personId!.Value });
        audit.Record("cohort.enrolled", $"cohort:{cohortId}", detail: $"person:{personId}");
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<CohortView>.Done((await GetAsync(cohortId, cancellationToken))!);
    }

    /// <summary>
    /// Records the cohort as completed. Everyone enrolled finished unless listed in <paramref name="didNotFinish"/>;
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

        var finishers = cohort.Enrolments.Where(e => !didNotFinish.Contains(e.PersonId)).Select(e => e.PersonId).ToList();
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

        audit.Record("cohort.completed", $"cohort:{cohortId}", detail: $"{finishers.Count} finished, {cohort.Enrolments.Count - finishers.Count} did not");
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<CohortView>.Done((await GetAsync(cohortId, cancellationToken))!);
    }
}
