using PeerEthics.People;
using PeerEthics.People.Import;
using PeerEthics.Programs;

namespace PeerEthics.Tests.People.Import;

/// <summary>Reading and checking an import file's rows, before the database: every problem at once, by row and column.</summary>
public sealed class ImportSheetTests
{
    private static readonly ImportRules Rules = new([CredentialNumberFormat.Parse("CPS-######")!], new DateOnly(2026, 11, 23));

    private const string Header = "legal_name,email,status,credential_number,issued_on,expires_on";

    private static ImportSheet Read(params string[] lines) => ImportSheet.Read(string.Join("\n", lines) + "\n", Rules);

    private static List<(int Row, string? Column)> Where(ImportSheet sheet) => [.. sheet.ProblemsInOrder().Select(p => (p.Row, p.Column))];

    [Fact]
    public void A_clean_file_has_no_problems_and_reads_every_value()
    {
        var sheet = Read(Header, "Ana Ruiz,ana@example.org,certified,CPS-000001,2025-01-01,2027-01-01", "Ben Ode,,trainee,,,");

        Assert.Empty(sheet.Problems);
        Assert.Equal(2, sheet.RowCount);
        var ana = sheet.Rows[0];
        Assert.Equal((2, "Ana Ruiz", "ana@example.org", CredentialStatus.Certified, "CPS-000001", new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1)),
            (ana.Row, ana.Person.LegalName, ana.Person.Email, ana.Status, ana.Number, ana.IssuedOn, ana.ExpiresOn));
        Assert.Equal(CredentialStatus.Trainee, sheet.Rows[1].Status);
    }

    [Fact]
    public void Every_problem_in_every_row_is_reported_in_one_pass_in_row_and_column_order()
    {
        var sheet = Read(
            Header + ",favourite_colour",
            "Ana Ruiz,ana.example.org,certified,CPS-12,2025-01-01,2024-01-01,blue",
            ",ben@example.org,certifed,,,,",
            "Cy Lee,cy@example.org,trainee,CPS-000003,2025-13-01,,",
            "Di Ode,di@example.org,lapsed,,,,");

        Assert.Equal(
            [
                (1, "favourite_colour"),
                (2, "email"), (2, "credential_number"), (2, "expires_on"),
                (3, "legal_name"), (3, "status"),
                (4, "credential_number"), (4, "issued_on"), (4, "issued_on"),
                (5, "credential_number"), (5, "issued_on"), (5, "expires_on"),
            ],
            Where(sheet));
        var messages = sheet.ProblemsInOrder().Select(p => p.Message).ToList();
        Assert.Contains("\"favourite_colour\" is not a column PeerEthics knows. The columns are: legal_name, preferred_name, email", messages[0], StringComparison.Ordinal);
        Assert.Equal("The email address must look like name@example.org.", messages[1]);
        Assert.Equal("CPS-12 is not in the program's number format, CPS-###### (such as CPS-000001).", messages[2]);
        Assert.Equal("The expiry date 2024-01-01 is not after the issue date 2025-01-01.", messages[3]);
        Assert.Equal("Enter the person's legal name, as on their certificate.", messages[4]);
        Assert.StartsWith("\"certifed\" is not a status. Use one of: applicant, trainee, certified", messages[5], StringComparison.Ordinal);
        Assert.StartsWith("A trainee has no credential number yet", messages[6], StringComparison.Ordinal);
        Assert.Equal("A lapsed credential needs its credential number.", messages[9]);
    }

    [Fact]
    public void Headers_ignore_capitals_spaces_and_hyphens_and_columns_come_in_any_order()
    {
        var sheet = Read("STATUS,Legal Name,e-mail", "applicant,Ana Ruiz,ana@example.org");

        Assert.Equal([(1, "e-mail")], Where(sheet));
        Assert.Empty(Read("Status, Legal Name ,Preferred-Name", "applicant,Ana Ruiz,Ana").Problems);
    }

    [Fact]
    public void A_missing_required_column_is_reported_once_not_on_every_row()
    {
        var sheet = Read("legal_name,email", "Ana Ruiz,ana@example.org", "Ben Ode,ben@example.org");

        var problem = Assert.Single(sheet.Problems);
        Assert.Equal((1, "status"), (problem.Row, problem.Column));
        Assert.StartsWith("The file has no status column, which every import needs", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_named_twice_is_a_problem()
    {
        Assert.Equal([(1, "Status")], Where(Read("legal_name,status,Status", "Ana Ruiz,trainee,trainee")));
    }

    [Fact]
    public void A_number_or_an_email_given_twice_in_the_file_is_a_problem_on_the_later_row_naming_the_first()
    {
        var sheet = Read(Header,
            "Ana Ruiz,ana@example.org,certified,CPS-000001,2025-01-01,2027-01-01",
            "Ben Ode,ben@example.org,certified,CPS-000002,2025-01-01,2027-01-01",
            "Cy Lee,ANA@example.org,certified,CPS-000001,2025-01-01,2027-01-01");

        Assert.Equal([(4, "email"), (4, "credential_number")], Where(sheet));
        Assert.Equal("The credential number CPS-000001 is also on row 2: each credential number belongs to one person.",
            sheet.Problems.Single(p => p.Column == "credential_number").Message);
        Assert.StartsWith("The email address ANA@example.org is also on row 2", sheet.Problems.Single(p => p.Column == "email").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_must_be_real_not_in_the_future_and_given_together()
    {
        var sheet = Read(Header,
            "Ana Ruiz,,certified,CPS-000001,2026-11-24,2028-11-24",
            "Ben Ode,,revoked,,2025-01-01,",
            "Cy Lee,,relinquished,,2025-02-30,2027-01-01",
            "Di Ode,,revoked,CPS-000004,,");

        Assert.Equal([(2, "issued_on"), (3, "expires_on"), (4, "issued_on")], Where(sheet));
        Assert.Equal("The issue date 2026-11-24 is after today (2026-11-23).", sheet.ProblemsInOrder()[0].Message);
        Assert.Equal("Give both issued_on and expires_on, or neither.", sheet.ProblemsInOrder()[1].Message);
        Assert.Equal("The issue date must be a real date, written as year-month-day, such as 2027-03-01.", sheet.ProblemsInOrder()[2].Message);
    }

    [Fact]
    public void A_row_whose_values_do_not_line_up_with_the_columns_is_one_problem_for_the_whole_row()
    {
        var sheet = Read("legal_name,status", "Ana Ruiz,trainee", "Ruiz, Ana,trainee");

        var problem = Assert.Single(sheet.Problems);
        Assert.Equal((3, (string?)null), (problem.Row, problem.Column));
        Assert.StartsWith("This row has 3 values but the header row names 2 columns.", problem.Message, StringComparison.Ordinal);
        Assert.Single(sheet.Rows);
    }

    [Fact]
    public void A_stray_quote_is_reported_at_its_column_and_the_rest_of_the_row_is_still_checked()
    {
        var sheet = Read("legal_name,email,status", "Sean O\"Brien,sean.example.org,trainee");

        Assert.Equal([(2, "legal_name"), (2, "email")], Where(sheet));
        Assert.StartsWith("This value has a quote mark (\") in it but does not start with one.", sheet.ProblemsInOrder()[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_never_closed_is_reported_on_its_row_and_column()
    {
        var sheet = Read("legal_name,status", "\"Ana Ruiz,trainee", "Ben Ode,trainee");

        var problem = Assert.Single(sheet.Problems);
        Assert.Equal((2, "legal_name"), (problem.Row, problem.Column));
        Assert.Contains("never closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_rows_are_skipped_but_still_count_in_the_row_numbers()
    {
        var sheet = Read("legal_name,status", "", "Ana Ruiz,trainee", ",", "Ben Ode,unknown", "", "");

        Assert.Equal(2, sheet.RowCount);
        Assert.Equal([(5, "status")], Where(sheet));
    }

    [Fact]
    public void A_header_with_no_rows_after_it_is_a_problem()
    {
        var problem = Assert.Single(Read("legal_name,status").Problems);

        Assert.Equal((2, (string?)null), (problem.Row, problem.Column));
        Assert.StartsWith("The file has no people in it", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nameless_column_is_ignored_when_empty_and_a_problem_when_it_has_values()
    {
        Assert.Empty(Read("legal_name,status,", "Ana Ruiz,trainee,").Problems);
        Assert.Equal("Column 3 has values but no name. Name it in the header row (legal_name, preferred_name, email, phone, postal_address, employer, supervisor, status, credential_number, issued_on, expires_on), or delete the column.",
            Assert.Single(Read("legal_name,status,", "Ana Ruiz,trainee,x").Problems).Message);
    }

    [Fact]
    public void A_semicolon_separated_file_is_told_how_to_save_as_csv()
    {
        var problem = Assert.Single(Read("legal_name;status", "Ana Ruiz;trainee").Problems, p => p.Row == 1 && p.Column == "legal_name;status");

        Assert.Contains("seems to use semicolons", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_person_rules_are_the_staff_forms_rules()
    {
        var longName = new string('x', PersonInput.MaxNameLength + 1);
        var sheet = Read("legal_name,phone,postal_address,status", $"{longName},call me,{new string('y', 501)},trainee");

        Assert.Equal([(2, "legal_name"), (2, "phone"), (2, "postal_address")], Where(sheet));
        var errors = new PeerEthics.People.Forms.FieldErrors();
        new PersonInput(longName, null, null, "call me", new string('y', 501), null, null, null).Validate(errors);
        Assert.Equal(errors.All.Select(e => e.Message), sheet.ProblemsInOrder().Select(p => p.Message));
    }

    [Fact]
    public void A_number_in_an_older_format_of_the_program_is_accepted()
    {
        var rules = Rules with { NumberFormats = [CredentialNumberFormat.Parse("CPS-######")!, CredentialNumberFormat.Parse("MA-####")!] };

        var sheet = ImportSheet.Read("legal_name,status,credential_number,issued_on,expires_on\nAna Ruiz,certified,MA-0042,2025-01-01,2027-01-01\nBen Ode,certified,MA-42,2025-01-01,2027-01-01\n", rules);

        var problem = Assert.Single(sheet.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Equal("MA-42 is not in any of the program's number formats: CPS-###### (such as CPS-000001), MA-#### (such as MA-0001).", problem.Message);
    }
}
