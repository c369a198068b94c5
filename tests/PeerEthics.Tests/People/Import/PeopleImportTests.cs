using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Import;
using PeerEthics.Tests.Infrastructure;
using static PeerEthics.Tests.People.Import.ImportFiles;

namespace PeerEthics.Tests.People.Import;

/// <summary>The import itself, on both databases: all rows or none, every problem in one pass.</summary>
public sealed class PeopleImportTests
{
    [Theory, AllDatabases]
    public async Task The_sample_file_imports_every_person_with_their_credential_employer_supervisor_and_history(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();

        var report = await ReportAsync(app, SampleText, dryRun: false);

        Assert.Empty(report.Problems);
        Assert.True(report.Imported);
        Assert.Equal(SampleRows, report.Rows);
        Assert.Equal(["Harbor Recovery Center", "Riverside Peer Support", "Community Bridges, Inc.", "The \"Open Door\" Clubhouse"], report.NewEmployers);
        Assert.Equal(["James Okafor (Harbor Recovery Center)", "Linda Marsh (Riverside Peer Support)", "Rosa Delgado (Community Bridges, Inc.)", "Marcus Bell (The \"Open Door\" Clubhouse)"], report.NewSupervisors);
        Assert.Equal((SampleRows, SampleRows, SampleRows, 4, 4, 1), await CountsAsync(app));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var dan = await db.People.Include(p => p.Organisation).Include(p => p.Supervisor).Include(p => p.Credentials).ThenInclude(c => c.History)
            .SingleAsync(p => p.Email == "dan.whitfield@example.org");
        Assert.Equal(("Daniel Whitfield", "Dan", "48 Pleasant Street, Apt 3\nSpringfield, MA 01103"), (dan.LegalName, dan.PreferredName, dan.PostalAddress));
        Assert.Equal(("Harbor Recovery Center", "James Okafor"), (dan.Organisation!.Name, dan.Supervisor!.Name));
        Assert.Equal(dan.OrganisationId, dan.Supervisor.OrganisationId);
        var credential = Assert.Single(dan.Credentials);
        Assert.Equal(("CPS-000102", CredentialStatus.Certified, new DateOnly(2025, 6, 15), new DateOnly(2027, 6, 15)),
            (credential.Number, credential.Status, credential.IssuedOn, credential.ExpiresOn));
        var history = Assert.Single(credential.History);
        Assert.Equal(((CredentialStatus?)null, CredentialStatus.Certified, "Imported from people.csv.", "system"), (history.From, history.To, history.Reason, history.ChangedBy));
        Assert.Equal("andre baptiste", (await db.People.SingleAsync(p => p.LegalName == "André Baptiste")).SearchName);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == PeopleImporter.AuditAction);
        Assert.Equal("program:massachusetts-cps", audit.Target);
        Assert.Equal($"people.csv (sha256 {report.Sha256}): 14 people, 4 new employers, 4 new supervisors", audit.Detail);
    }

    [Theory, AllDatabases]
    public async Task A_file_with_one_malformed_row_imports_nothing_and_names_its_row_and_column(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var before = await CountsAsync(app);

        var report = await ReportAsync(app, SampleWith("Nadia Haddad,,nadia.haddad.example.org,(617) 555-0101,,Harbor Recovery Center,,certified,CPS-000120,2025-05-01,2027-05-01"), dryRun: false);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((AddedRow, "email", "The email address must look like name@example.org."), (problem.Row, problem.Column, problem.Message));
        Assert.False(report.Imported);
        Assert.Equal(SampleRows + 1, report.Rows);
        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal((0, 0, 0, 0, 0, 0), before);
        Assert.StartsWith("Nothing was imported: 1 problem in 1 row of people.csv.", report.Summary(), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_row_whose_quotes_break_the_csv_imports_nothing_either(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();

        var report = await ReportAsync(app, SampleWith("Nadia Haddad,,nadia@example.org,,\"4 Main St, Lowell,,,trainee,,,"), dryRun: false);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((AddedRow, "postal_address"), (problem.Row, problem.Column));
        Assert.Contains("never closed", problem.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0, 0, 0), await CountsAsync(app));
    }

    [Theory, AllDatabases]
    public async Task A_dry_run_reports_what_would_be_added_and_writes_nothing(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();

        var report = await ReportAsync(app, SampleText, dryRun: true);

        Assert.Empty(report.Problems);
        Assert.True(report.DryRun);
        Assert.False(report.Imported);
        Assert.Equal(SampleRows, report.Rows);
        Assert.Equal(4, report.NewEmployers.Count);
        Assert.Equal("Nothing was imported (a dry run). Importing people.csv would add 14 people with a Massachusetts Certified Peer Specialist (CPS) credential, 4 new employers, 4 new supervisors.", report.Summary());
        Assert.Equal((0, 0, 0, 0, 0, 0), await CountsAsync(app));
    }

    [Theory, AllDatabases]
    public async Task Numbers_and_emails_already_in_the_database_and_repeated_in_the_file_are_all_reported_in_one_pass(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var (_, certified) = await app.CertifiedAsync("Existing Person");
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PeopleDirectory>()
                .CreateAsync(new PersonInput("Known Email", null, "Elena.Santos@example.org", null, null, null, null, null));
        }

        var before = await CountsAsync(app);
        var text = SampleWith($"Olu Ade,,olu@example.org,,,,,certified,{certified.Number},2025-05-01,2027-05-01")
            + "Pat Kim,,pat@example.org,,,,,certified,CPS-000101,2025-05-01,2027-05-01\n";

        var report = await ReportAsync(app, text, dryRun: false);

        Assert.Equal(
            [
                (2, "email", "A person with the email address elena.santos@example.org is already in PeerEthics. An import adds new people only: remove this row, and change that person's record on their page."),
                (AddedRow, "credential_number", $"The credential number {certified.Number} is already in PeerEthics, on a Massachusetts Certified Peer Specialist (CPS) credential. Each credential number belongs to one person."),
                (AddedRow + 1, "credential_number", "The credential number CPS-000101 is also on row 2: each credential number belongs to one person."),
            ],
            report.Problems.Select(p => (p.Row, p.Column, p.Message)));
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory, AllDatabases]
    public async Task Employers_and_supervisors_already_known_are_used_whatever_their_capitals(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        int harborId, okaforId;
        await using (var scope = app.Scope())
        {
            var people = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
            harborId = Assert.IsType<PeerEthics.People.Forms.Outcome<int>.Done>(await people.AddOrganisationAsync("HARBOR RECOVERY CENTER", null, null)).Value;
            okaforId = Assert.IsType<PeerEthics.People.Forms.Outcome<int>.Done>(await people.AddSupervisorAsync("James Okafor", null, null, harborId)).Value;
        }

        var report = await ReportAsync(app, SampleText, dryRun: false);

        Assert.True(report.Imported);
        Assert.DoesNotContain("Harbor Recovery Center", report.NewEmployers);
        Assert.DoesNotContain(report.NewSupervisors, s => s.StartsWith("James Okafor", StringComparison.Ordinal));
        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var elena = await db.People.SingleAsync(p => p.Email == "elena.santos@example.org");
        Assert.Equal((harborId, okaforId), (elena.OrganisationId, elena.SupervisorId));
        Assert.Equal(4, await db.Organisations.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task A_supervisor_name_that_fits_two_records_is_a_problem_naming_how_to_tell_them_apart(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        await using (var scope = app.Scope())
        {
            var people = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
            await people.AddSupervisorAsync("Sam Lee", null, null, null);
            await people.AddSupervisorAsync("Sam Lee", null, null, null);
        }

        var report = await ReportAsync(app, "legal_name,supervisor,status\nAna Ruiz,sam lee,trainee\n", dryRun: true);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((2, "supervisor", "There are 2 supervisors called sam lee in PeerEthics. Give the row's employer to say which one."), (problem.Row, problem.Column, problem.Message));
    }

    [Theory, AllDatabases]
    public async Task The_same_file_imported_twice_is_refused_the_second_time(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var text = "legal_name,status\nAna Ruiz,applicant\nBen Ode,applicant\n";
        Assert.True((await ReportAsync(app, text, dryRun: false)).Imported);

        var again = await ReportAsync(app, text, dryRun: false, fileName: "copy.csv");
        var elsewhere = await ReportAsync(app, text, dryRun: true, program: Seeds.Missouri);

        var problem = Assert.Single(again.Problems);
        Assert.Equal((1, (string?)null), (problem.Row, problem.Column));
        Assert.StartsWith("This exact file was already imported into Massachusetts Certified Peer Specialist (CPS) on 23 November 2026", problem.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Problems);
        Assert.Equal(2, (await CountsAsync(app)).People);
    }

    [Theory, AllDatabases]
    public async Task An_unknown_program_or_an_unreadable_file_is_unusable_and_names_the_field(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();

        var program = Assert.IsType<ImportOutcome.Unusable>(await RunAsync(app, SampleText, dryRun: true, program: "nowhere-cps"));
        await using var scope = app.Scope();
        var file = Assert.IsType<ImportOutcome.Unusable>(await scope.ServiceProvider.GetRequiredService<PeopleImporter>()
            .RunAsync(Seeds.Massachusetts, System.Text.Encoding.Latin1.GetBytes("legal_name,status\nZoë,trainee\n"), "old.csv", dryRun: true));

        Assert.Equal(("program", "There is no program 'nowhere-cps'. The programs are: massachusetts-cps, missouri-cmps."), (program.Field, program.Message));
        Assert.Equal("file", file.Field);
        Assert.StartsWith("old.csv is not UTF-8 text", file.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_a_byte_order_mark_and_crlf_line_ends_imports_as_excel_saves_it()
    {
        await using var app = new PeopleApp(DatabaseProvider.Sqlite).Started();
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Utf8(SampleText.Replace("\n", "\r\n", StringComparison.Ordinal))];
        await using var scope = app.Scope();

        var outcome = await scope.ServiceProvider.GetRequiredService<PeopleImporter>().RunAsync(Seeds.Massachusetts, bytes, "people.csv", dryRun: false);

        var report = Assert.IsType<ImportOutcome.Checked>(outcome).Report;
        Assert.Empty(report.Problems);
        Assert.True(report.Imported);
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        Assert.Equal("48 Pleasant Street, Apt 3\r\nSpringfield, MA 01103", (await db.People.SingleAsync(p => p.LegalName == "Daniel Whitfield")).PostalAddress);
    }
}
