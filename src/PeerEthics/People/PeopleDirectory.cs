using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Disclosures;
using PeerEthics.People.Forms;
using PeerEthics.Programs;

namespace PeerEthics.People;

/// <summary>People, organisations and supervisors: search, read (audited for staff), create.</summary>
public sealed class PeopleDirectory(PeerEthicsDb db, AuditLog audit, ProgramSettingsHistory settings)
{
    public const int PageSize = 50;

    /// <summary>People whose legal or preferred name has a word starting with <paramref name="query"/> (case- and accent-insensitive); everyone when empty.</summary>
    public async Task<IReadOnlyList<PersonSummary>> SearchAsync(string? query, CancellationToken cancellationToken = default)
    {
        var key = NameSearch.Normalize(query);
        var people = db.People.AsNoTracking();
        if (key.Length > 0)
        {
            var word = " " + key;
            var alias = "|" + key;
            people = people.Where(p => p.SearchName.StartsWith(key) || p.SearchName.Contains(word) || p.SearchName.Contains(alias));
        }

        var rows = await people.OrderBy(p => p.SearchName).ThenBy(p => p.Id).Take(PageSize)
            .Select(p => new
            {
                p.Id, p.LegalName, p.PreferredName, Organisation = p.Organisation!.Name,
                Credentials = p.Credentials.OrderBy(c => c.Program.Slug).Select(c => new { c.Program.Slug, c.Number, c.Status }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PersonSummary(r.Id, r.LegalName, r.PreferredName, r.Organisation,
            [.. r.Credentials.Select(c => (c.Slug, c.Number, c.Status))]))];
    }

    /// <summary>A person's whole record, for staff: the read is audited (person records are sensitive).</summary>
    public async Task<PersonView?> ReadForStaffAsync(int id, CancellationToken cancellationToken = default)
    {
        var person = await LoadAsync(id, cancellationToken);
        if (person is not null)
        {
            await audit.RecordNowAsync("person.viewed", $"person:{id}", cancellationToken: cancellationToken);
        }

        return person;
    }

    /// <summary>The person linked to an account, for their own pages (not audited: it is their own record).</summary>
    public async Task<PersonView?> ReadOwnAsync(string userId, CancellationToken cancellationToken = default)
    {
        var id = await PersonIdOfAsync(userId, cancellationToken);
        return id is null ? null : await LoadAsync(id.Value, cancellationToken);
    }

    public Task<int?> PersonIdOfAsync(string userId, CancellationToken cancellationToken = default) =>
        db.People.AsNoTracking().Where(p => p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<Outcome<PersonView>> CreateAsync(PersonInput input, CancellationToken cancellationToken = default) =>
        await CreateAsync(input, new FieldErrors(), cancellationToken);

    public async Task<Outcome<PersonView>> CreateAsync(PersonInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        var userId = await CheckAsync(input, null, errors, cancellationToken);
        if (errors.Any)
        {
            return new Outcome<PersonView>.Refused(errors);
        }

        var person = new Person { LegalName = "" };
        Apply(input, userId, person);
        var entry = audit.Record("person.created", "person:new");
        person.CreatedAt = entry.At;
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<PersonView>.Done((await LoadAsync(person.Id, cancellationToken))!);
    }

    public async Task<Outcome<PersonView>> UpdateAsync(int id, PersonInput input, CancellationToken cancellationToken = default) =>
        await UpdateAsync(id, input, new FieldErrors(), cancellationToken);

    /// <summary>
    /// Changes a person's details (every field, as on the form: a blank optional field clears it). The audit entry
    /// names the fields that changed, never their values. A new supervisor takes over the person's disclosures
    /// (<see cref="DisclosureRouting"/>).
    /// </summary>
    public async Task<Outcome<PersonView>> UpdateAsync(int id, PersonInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return new Outcome<PersonView>.NotFound($"person {id}");
        }

        var userId = await CheckAsync(input, id, errors, cancellationToken);
        if (errors.Any)
        {
            return new Outcome<PersonView>.Refused(errors);
        }

        string?[] Fields(Person p) => [p.LegalName, p.PreferredName, p.Email, p.Phone, p.PostalAddress, p.OrganisationId?.ToString(CultureInfo.InvariantCulture), p.SupervisorId?.ToString(CultureInfo.InvariantCulture), p.UserId];
        string[] names = ["legal name", "preferred name", "email", "phone", "postal address", "employer", "supervisor", "account"];
        var before = Fields(person);
        var formerSupervisorId = person.SupervisorId;
        Apply(input, userId, person);
        var after = Fields(person);
        var changed = names.Where((_, i) => before[i] != after[i]).ToList();
        if (changed.Count > 0)
        {
            audit.Record("person.updated", $"person:{id}", detail: string.Join(", ", changed));
            if (person.SupervisorId != formerSupervisorId)
            {
                await DisclosureRouting.FollowSupervisorAsync(db, audit, id, person.SupervisorId, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new Outcome<PersonView>.Done((await LoadAsync(id, cancellationToken))!);
    }

    /// <summary>The rules a person's details follow beyond their shape: the employer, supervisor and account exist, and the account is no one else's. Returns the account's user id.</summary>
    private async Task<string?> CheckAsync(PersonInput input, int? personId, FieldErrors errors, CancellationToken cancellationToken)
    {
        input.Validate(errors);
        if (input.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            errors.Add("organisationId", "Choose an employer from the list, or none.");
        }

        if (input.SupervisorId is { } supervisorId && !await db.Supervisors.AnyAsync(s => s.Id == supervisorId, cancellationToken))
        {
            errors.Add("supervisorId", "Choose a supervisor from the list, or none.");
        }

        string? userId = null;
        if (!errors.Has("userEmail") && FormValues.Clean(input.UserEmail) is { } accountEmail)
        {
            var normalized = accountEmail.ToUpperInvariant();
            userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            if (userId is null)
            {
                errors.Add("userEmail", $"There is no account with the email address {accountEmail}. Leave it blank to link an account later.");
            }
            else if (await db.People.AnyAsync(p => p.UserId == userId && p.Id != personId, cancellationToken))
            {
                errors.Add("userEmail", "That account is already linked to another person's record.");
            }
        }

        return userId;
    }

    private static void Apply(PersonInput input, string? userId, Person person)
    {
        person.LegalName = input.LegalName!.Trim();
        person.PreferredName = FormValues.Clean(input.PreferredName);
        person.Email = FormValues.Clean(input.Email);
        person.Phone = FormValues.Clean(input.Phone);
        person.PostalAddress = FormValues.Clean(input.PostalAddress);
        person.OrganisationId = input.OrganisationId;
        person.SupervisorId = input.SupervisorId;
        person.UserId = userId;
        person.SearchName = NameSearch.KeyFor(person.LegalName, person.PreferredName);
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> OrganisationsAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name))];

    public async Task<IReadOnlyList<(int Id, string Name, string? Organisation)>> SupervisorsAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Supervisors.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, Organisation = s.Organisation!.Name }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.Name, (string?)s.Organisation))];

    public async Task<Outcome<int>> AddOrganisationAsync(string? name, string? email, string? phone, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var clean = FormValues.Clean(name);
        if (clean is null)
        {
            errors.Add("name", "Enter the organisation's name.");
        }
        else if (clean.Length > PersonInput.MaxNameLength)
        {
            errors.Add("name", $"The organisation's name can be at most {PersonInput.MaxNameLength} characters long.");
        }
        else if (await db.Organisations.AnyAsync(o => o.Name == clean, cancellationToken))
        {
            errors.Add("name", $"There is already an organisation called {clean}.");
        }

        if (FormValues.Clean(email) is { } e && !PersonInput.IsEmail(e))
        {
            errors.Add("email", "The email address must look like name@example.org.");
        }

        if (errors.Any)
        {
            return new Outcome<int>.Refused(errors);
        }

        var organisation = new Organisation { Name = clean!, Email = FormValues.Clean(email), Phone = FormValues.Clean(phone) };
        db.Organisations.Add(organisation);
        audit.Record("organisation.created", "organisation:new", detail: clean);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<int>.Done(organisation.Id);
    }

    public Task<Outcome<int>> AddSupervisorAsync(string? name, string? email, string? phone, int? organisationId, CancellationToken cancellationToken = default) =>
        AddSupervisorAsync(name, email, phone, organisationId, new FieldErrors(), cancellationToken);

    /// <summary>Adds a supervisor unless <paramref name="errors"/> (a form's own, such as an organisation that is not an id) or these checks find a problem.</summary>
    public async Task<Outcome<int>> AddSupervisorAsync(string? name, string? email, string? phone, int? organisationId, FieldErrors errors, CancellationToken cancellationToken)
    {
        var clean = FormValues.Clean(name);
        if (clean is null)
        {
            errors.Add("name", "Enter the supervisor's name.");
        }
        else if (clean.Length > PersonInput.MaxNameLength)
        {
            errors.Add("name", $"The supervisor's name can be at most {PersonInput.MaxNameLength} characters long.");
        }

        if (FormValues.Clean(email) is { } e && !PersonInput.IsEmail(e))
        {
            errors.Add("email", "The email address must look like name@example.org.");
        }

        if (organisationId is { } id && !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            errors.Add("organisationId", "Choose an organisation from the list, or none.");
        }

        if (errors.Any)
        {
            return new Outcome<int>.Refused(errors);
        }

        var supervisor = new Supervisor { Name = clean!, Email = FormValues.Clean(email), Phone = FormValues.Clean(phone), OrganisationId = organisationId };
        db.Supervisors.Add(supervisor);
        audit.Record("supervisor.created", "supervisor:new");
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<int>.Done(supervisor.Id);
    }

    /// <summary>
    /// Links a supervisor record to the account with this email, so the supervisor can sign in and see the disclosures
    /// sent to them (blank: unlinks it). The account also needs the supervisor role.
    /// </summary>
    public async Task<Outcome<int>> LinkSupervisorAccountAsync(int supervisorId, string? userEmail, CancellationToken cancellationToken = default)
    {
        var supervisor = await db.Supervisors.SingleOrDefaultAsync(s => s.Id == supervisorId, cancellationToken);
        if (supervisor is null)
        {
            return new Outcome<int>.NotFound($"supervisor {supervisorId}");
        }

        string? userId = null;
        if (FormValues.Clean(userEmail) is { } accountEmail)
        {
            var normalized = accountEmail.ToUpperInvariant();
            userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            if (userId is null)
            {
                return new Outcome<int>.Refused(FieldErrors.One("userEmail", $"There is no account with the email address {accountEmail}. Invite the supervisor first, or leave it blank to unlink."));
            }
        }

        supervisor.UserId = userId;
        audit.Record(userId is null ? "supervisor.account-unlinked" : "supervisor.account-linked", $"supervisor:{supervisorId}", detail: userId is null ? null : $"user:{userId}");
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<int>.Done(supervisorId);
    }

    internal async Task<PersonView?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var p = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id, p.LegalName, p.PreferredName, p.Email, p.Phone, p.PostalAddress, p.OrganisationId,
                Organisation = p.Organisation!.Name, p.SupervisorId, Supervisor = p.Supervisor!.Name, p.UserId, p.CreatedAt,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            return null;
        }

        var userEmail = p.UserId is null ? null : await db.Users.Where(u => u.Id == p.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        var credentials = await CredentialsOfAsync(id, cancellationToken);
        return new PersonView(p.Id, p.LegalName, p.PreferredName, p.Email, p.Phone, p.PostalAddress, p.OrganisationId, p.Organisation,
            p.SupervisorId, p.Supervisor, p.UserId, userEmail, p.CreatedAt, credentials);
    }

    /// <summary>Every credential of a person.</summary>
    internal async Task<IReadOnlyList<CredentialView>> CredentialsOfAsync(int personId, CancellationToken cancellationToken) =>
        await CredentialsOfAsync(personId, null, cancellationToken);

    /// <summary>A person's credentials, or only the one with <paramref name="credentialId"/> (none when it is not theirs).</summary>
    internal async Task<IReadOnlyList<CredentialView>> CredentialsOfAsync(int personId, int? credentialId, CancellationToken cancellationToken)
    {
        var credentials = db.Credentials.AsNoTracking().Where(c => c.PersonId == personId);
        if (credentialId is { } id)
        {
            credentials = credentials.Where(c => c.Id == id);
        }

        var rows = await credentials.OrderBy(c => c.Program.Name)
            .Select(c => new
            {
                c.Id, c.PersonId, c.ProgramId, c.Program.Slug, c.Program.Name, c.Number, c.Status, c.IssuedOn, c.ExpiresOn, c.EligibleSince, c.Version,
                History = c.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new StatusChangeView(h.From, h.To, h.At, h.ChangedByName, h.Reason)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var views = new List<CredentialView>(rows.Count);
        foreach (var c in rows)
        {
            // The grace period is the program's as in force on the expiry date (the settings are read once per scope).
            DateOnly? graceEnds = null;
            if (c.ExpiresOn is { } expiry && await settings.InForceOnAsync(c.ProgramId, expiry, cancellationToken) is { } s)
            {
                graceEnds = s.GraceEndsFor(expiry);
            }

            views.Add(new CredentialView(c.Id, c.PersonId, c.ProgramId, c.Slug, c.Name, c.Number, c.Status, c.IssuedOn, c.ExpiresOn, graceEnds, c.EligibleSince, c.Version, c.History));
        }

        return views;
    }
}
