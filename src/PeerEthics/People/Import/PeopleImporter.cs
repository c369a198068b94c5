using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Programs;
using PeerEthics.Web;

namespace PeerEthics.People.Import;

/// <summary>
/// Imports a CSV file of people, each with a credential with one program: all rows or none. Every row is checked —
/// by <see cref="ImportSheet"/>, then against the database (numbers and email addresses already taken, supervisors
/// that cannot be told apart) — and every problem reported at once. Only a file with no problem is written, in one
/// unit of work: the people, their employers and supervisors new to PeerEthics, their credentials with a first status
/// "Imported from &lt;file&gt;", and one audit entry for the whole import.
/// </summary>
public sealed class PeopleImporter(PeerEthicsDb db, AuditLog audit, ProgramSettingsHistory settings)
{
    public const string AuditAction = "people.imported";

    // One real import at a time in this process, checked and written together: a confirmation sent twice (a double
    // click) finds the first one's audit entry instead of importing the file again.
    private static readonly SemaphoreSlim s_oneAtATime = new(1, 1);

    /// <summary>Checks the file and, unless <paramref name="dryRun"/> or there are problems, imports it.</summary>
    public async Task<ImportOutcome> RunAsync(string? programSlug, byte[] bytes, string? fileName, bool dryRun, CancellationToken cancellationToken = default)
    {
        var name = ImportFile.SafeName(fileName);
        var slug = programSlug?.Trim() ?? "";
        var program = await db.Programs.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (program is null)
        {
            var known = await db.Programs.AsNoTracking().OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(cancellationToken);
            return new ImportOutcome.Unusable("program", slug.Length == 0
                ? $"Choose the program the people's credentials are with: {string.Join(", ", known)}."
                : $"There is no program '{slug}'. The programs are: {string.Join(", ", known)}.");
        }

        if (!ImportFile.TryDecode(bytes, out var text, out var unreadable))
        {
            return new ImportOutcome.Unusable("file", $"{name} {unreadable}.");
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var target = new ImportTarget(program.Id, program.Slug, program.Name, name, sha256);
        var rules = new ImportRules(await NumberFormatsAsync(program.Id, cancellationToken), settings.Today);
        if (dryRun)
        {
            var (sheet, plan) = await CheckAsync(text, target, rules, cancellationToken);
            return new ImportOutcome.Checked(Report(target, sheet, plan, dryRun: true, imported: false));
        }

        await s_oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var (sheet, plan) = await CheckAsync(text, target, rules, cancellationToken);
            if (sheet.Problems.Count > 0)
            {
                return new ImportOutcome.Checked(Report(target, sheet, plan, dryRun: false, imported: false));
            }

            try
            {
                await WriteAsync(target, sheet, plan, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another process took a number between the check and the write (the unique index refused it): nothing
                // was written. Check again so the report names it; anything else is unexpected.
                db.ChangeTracker.Clear();
                var (again, replanned) = await CheckAsync(text, target, rules, cancellationToken);
                if (again.Problems.Count == 0)
                {
                    throw;
                }

                return new ImportOutcome.Checked(Report(target, again, replanned, dryRun: false, imported: false));
            }

            return new ImportOutcome.Checked(Report(target, sheet, plan, dryRun: false, imported: true));
        }
        finally
        {
            s_oneAtATime.Release();
        }
    }

    private static ImportReport Report(ImportTarget target, ImportSheet sheet, ImportPlan plan, bool dryRun, bool imported) => new(
        target.Slug, target.Name, target.FileName, target.Sha256, dryRun, imported, sheet.RowCount,
        [.. plan.NewOrganisations.Select(o => o.Name)], plan.NewSupervisorLabels, sheet.ProblemsInOrder());

    /// <summary>Every number format the program has used up to today, the one in force first: older numbers stay valid.</summary>
    private async Task<IReadOnlyList<CredentialNumberFormat>> NumberFormatsAsync(int programId, CancellationToken cancellationToken)
    {
        var history = await settings.HistoryAsync(programId, cancellationToken);
        return [.. history.Where(s => s.EffectiveFrom <= settings.Today).Reverse()
            .Select(s => CredentialNumberFormat.Parse(s.NumberFormat)).OfType<CredentialNumberFormat>()
            .DistinctBy(f => f.Template)];
    }

    /// <summary>The file's own checks, then those against the database; the employers and supervisors it would add.</summary>
    private async Task<(ImportSheet Sheet, ImportPlan Plan)> CheckAsync(string text, ImportTarget target, ImportRules rules, CancellationToken cancellationToken)
    {
        var sheet = ImportSheet.Read(text, rules);
        var plan = new ImportPlan();
        await CheckNotImportedBeforeAsync(sheet, target, cancellationToken);
        if (sheet.Rows.Count == 0)
        {
            return (sheet, plan);
        }

        await CheckTakenNumbersAsync(sheet, cancellationToken);
        await CheckKnownEmailsAsync(sheet, cancellationToken);
        await ResolveEmployersAndSupervisorsAsync(sheet, plan, cancellationToken);
        return (sheet, plan);
    }

    /// <summary>The same bytes imported into the same program before would add everyone in them a second time.</summary>
    private async Task CheckNotImportedBeforeAsync(ImportSheet sheet, ImportTarget target, CancellationToken cancellationToken)
    {
        var programTarget = $"program:{target.Slug}";
        var marker = $"(sha256 {target.Sha256})";
        var before = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction && e.Target == programTarget && e.Detail != null && e.Detail.Contains(marker))
            .OrderBy(e => e.Sequence).Select(e => new { e.At, e.ActorName, e.Actor }).FirstOrDefaultAsync(cancellationToken);
        if (before is not null)
        {
            sheet.Add(1, null, $"This exact file was already imported into {target.Name} on {Display.Date(before.At)} (by {before.ActorName ?? before.Actor}). Importing it again would add everyone in it a second time.");
        }
    }

    private async Task CheckTakenNumbersAsync(ImportSheet sheet, CancellationToken cancellationToken)
    {
        var numbers = sheet.Rows.Select(r => r.Number).OfType<string>().Distinct().ToList();
        if (numbers.Count == 0)
        {
            return;
        }

        // Numbers are unique across programs (one index), so a number of another program is taken too.
        var taken = await db.Credentials.AsNoTracking().Where(c => c.Number != null && numbers.Contains(c.Number))
            .Select(c => new { c.Number, Program = c.Program.Name }).ToListAsync(cancellationToken);
        var programOf = taken.ToDictionary(t => t.Number!, t => t.Program, StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            if (row.Number is { } number && programOf.TryGetValue(number, out var program))
            {
                sheet.Add(row.Row, ImportColumns.CredentialNumber, $"The credential number {number} is already in PeerEthics, on a {program} credential. Each credential number belongs to one person.");
            }
        }
    }

    private async Task CheckKnownEmailsAsync(ImportSheet sheet, CancellationToken cancellationToken)
    {
        var emails = sheet.Rows.Select(r => r.Person.Email?.Trim().ToLowerInvariant()).Where(e => !string.IsNullOrEmpty(e)).Distinct().ToList();
        if (emails.Count == 0)
        {
            return;
        }

        // Translated to SQL lower() on both databases: the analyzers' culture advice is for code run in .NET.
#pragma warning disable CA1304, CA1311
        var known = (await db.People.AsNoTracking().Where(p => p.Email != null && emails.Contains(p.Email.ToLower()))
            .Select(p => p.Email!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
#pragma warning restore CA1304, CA1311
        foreach (var row in sheet.Rows)
        {
            if (row.Person.Email?.Trim() is { Length: > 0 } email && known.Contains(email))
            {
                sheet.Add(row.Row, ImportColumns.Email, $"A person with the email address {email} is already in PeerEthics. An import adds new people only: remove this row, and change that person's record on their page.");
            }
        }
    }

    /// <summary>
    /// Employers by name, capitals ignored; supervisors by name among those at the row's employer (any, when the row
    /// has none). What is not found is planned as new, once per name (and employer) however many rows name it.
    /// </summary>
    private async Task ResolveEmployersAndSupervisorsAsync(ImportSheet sheet, ImportPlan plan, CancellationToken cancellationToken)
    {
        var organisations = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .GroupBy(o => o.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Min(o => o.Id), StringComparer.OrdinalIgnoreCase);
        var supervisors = await db.Supervisors.AsNoTracking().Select(s => new { s.Id, s.Name, s.OrganisationId }).ToListAsync(cancellationToken);
        var newOrganisations = new Dictionary<string, Organisation>(StringComparer.OrdinalIgnoreCase);
        var newSupervisors = new Dictionary<(string, string), Supervisor>();
        foreach (var row in sheet.Rows)
        {
            int? organisationId = null;
            Organisation? newOrganisation = null;
            if (row.Employer is { } employer && organisations.TryGetValue(employer, out var id))
            {
                organisationId = id;
            }
            else if (row.Employer is { } unknown && !newOrganisations.TryGetValue(unknown, out newOrganisation))
            {
                newOrganisation = new Organisation { Name = unknown };
                newOrganisations[unknown] = newOrganisation;
                plan.NewOrganisations.Add(newOrganisation);
            }

            int? supervisorId = null;
            Supervisor? newSupervisor = null;
            if (row.Supervisor is { } supervisor)
            {
                var candidates = supervisors
                    .Where(s => string.Equals(s.Name.Trim(), supervisor, StringComparison.OrdinalIgnoreCase) && (row.Employer is null || (organisationId is not null && s.OrganisationId == organisationId)))
                    .ToList();
                if (candidates.Count > 1)
                {
                    sheet.Add(row.Row, ImportColumns.Supervisor, row.Employer is null
                        ? $"There are {candidates.Count} supervisors called {supervisor} in PeerEthics. Give the row's employer to say which one."
                        : $"There are {candidates.Count} supervisors called {supervisor} at {row.Employer} in PeerEthics, so the import cannot tell which one. Leave this empty and choose the supervisor on the person's page after importing.");
                }
                else if (candidates.Count == 1)
                {
                    supervisorId = candidates[0].Id;
                }
                else if (!newSupervisors.TryGetValue((supervisor.ToLowerInvariant(), row.Employer?.ToLowerInvariant() ?? ""), out newSupervisor))
                {
                    newSupervisor = new Supervisor { Name = supervisor, OrganisationId = organisationId, Organisation = newOrganisation };
                    newSupervisors[(supervisor.ToLowerInvariant(), row.Employer?.ToLowerInvariant() ?? "")] = newSupervisor;
                    plan.NewSupervisors.Add(newSupervisor);
                    plan.NewSupervisorLabels.Add(row.Employer is null ? supervisor : $"{supervisor} ({row.Employer})");
                }
            }

            plan.Links[row.Row] = new RowLinks(organisationId, newOrganisation, supervisorId, newSupervisor);
        }
    }

    private async Task WriteAsync(ImportTarget target, ImportSheet sheet, ImportPlan plan, CancellationToken cancellationToken)
    {
        var entry = audit.Record(AuditAction, $"program:{target.Slug}",
            detail: $"{target.FileName} (sha256 {target.Sha256}): {ImportReport.Count(sheet.RowCount, "person", "people")}, {ImportReport.Count(plan.NewOrganisations.Count, "new employer", "new employers")}, {ImportReport.Count(plan.NewSupervisors.Count, "new supervisor", "new supervisors")}");
        var reason = $"Imported from {target.FileName}.";
        foreach (var row in sheet.Rows)
        {
            var input = row.Person;
            var person = new Person
            {
                LegalName = input.LegalName!.Trim(),
                PreferredName = input.PreferredName?.Trim(),
                Email = input.Email?.Trim(),
                Phone = input.Phone?.Trim(),
                PostalAddress = input.PostalAddress?.Trim(),
                CreatedAt = entry.At,
            };
            person.SearchName = NameSearch.KeyFor(person.LegalName, person.PreferredName);
            var links = plan.Links[row.Row];
            person.OrganisationId = links.OrganisationId;
            person.Organisation = links.NewOrganisation;
            person.SupervisorId = links.SupervisorId;
            person.Supervisor = links.NewSupervisor;

            var status = row.Status!.Value;
            var credential = new Credential
            {
                Person = person,
                ProgramId = target.ProgramId,
                Number = row.Number,
                Status = status,
                IssuedOn = row.IssuedOn,
                ExpiresOn = row.ExpiresOn,
            };
            credential.History.Add(new CredentialStatusChange
            {
                From = null, To = status, At = entry.At, ChangedBy = entry.Actor, ChangedByName = entry.ActorName, Reason = reason,
            });
            db.People.Add(person);
            db.Credentials.Add(credential);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The program and the file an import is for.</summary>
    private sealed record ImportTarget(int ProgramId, string Slug, string Name, string FileName, string Sha256);

    /// <summary>A row's employer and supervisor: one found in PeerEthics (its id) or one the import adds.</summary>
    private sealed record RowLinks(int? OrganisationId, Organisation? NewOrganisation, int? SupervisorId, Supervisor? NewSupervisor);

    /// <summary>What the import adds besides the people, and each row's employer and supervisor.</summary>
    private sealed class ImportPlan
    {
        public List<Organisation> NewOrganisations { get; } = [];

        public List<Supervisor> NewSupervisors { get; } = [];

        /// <summary>Each new supervisor's name, with the employer they are added at.</summary>
        public List<string> NewSupervisorLabels { get; } = [];

        public Dictionary<int, RowLinks> Links { get; } = [];
    }
}
