using PeerEthics.People.Forms;
using PeerEthics.Programs;
using PeerEthics.Web;

namespace PeerEthics.People.Import;

/// <summary>
/// One person row as read from the file, its values cleaned (blank is null). A row is read even when some of its
/// values have problems, so the checks against the database report theirs in the same pass; a value that could not
/// be read (a date that is not one, a status that is not one) is null.
/// </summary>
public sealed record ImportRow(
    int Row,
    PersonInput Person,
    string? Employer,
    string? Supervisor,
    CredentialStatus? Status,
    string? Number,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn);

/// <summary>What the program's rules are for the rows of a file: its number formats, and today.</summary>
public sealed record ImportRules(IReadOnlyList<CredentialNumberFormat> NumberFormats, DateOnly Today);

/// <summary>
/// Reads an import file's rows and checks everything that needs no database: the header, the CSV itself, each
/// person's details (the rules of <see cref="PersonInput"/>, as the staff form checks them), the status, number
/// and dates, and numbers or email addresses given twice in the file. Every problem is kept; none stops the reading.
/// </summary>
public sealed class ImportSheet
{
    /// <summary>The statuses a certification has been granted in, so a number and the cycle's dates go with them.</summary>
    public static readonly IReadOnlySet<CredentialStatus> Certified =
        new HashSet<CredentialStatus> { CredentialStatus.Certified, CredentialStatus.Inactive, CredentialStatus.Lapsed, CredentialStatus.Suspended };

    /// <summary>The statuses before certification: no number and no cycle yet.</summary>
    public static readonly IReadOnlySet<CredentialStatus> BeforeCertification =
        new HashSet<CredentialStatus> { CredentialStatus.Applicant, CredentialStatus.Trainee };

    // PersonInput names its fields as the staff form and the API do; the file names them as columns.
    private static readonly Dictionary<string, string> s_columnOfField = new(StringComparer.Ordinal)
    {
        ["legalName"] = ImportColumns.LegalName,
        ["preferredName"] = ImportColumns.PreferredName,
        ["email"] = ImportColumns.Email,
        ["phone"] = ImportColumns.Phone,
        ["postalAddress"] = ImportColumns.PostalAddress,
    };

    private readonly List<ImportProblem> _problems = [];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _headers = [];

    private ImportSheet()
    {
    }

    /// <summary>Every row that could be read as a person (not those whose values do not line up with the columns).</summary>
    public List<ImportRow> Rows { get; } = [];

    /// <summary>How many person rows the file has (blank rows are not counted).</summary>
    public int RowCount { get; private set; }

    public IReadOnlyList<ImportProblem> Problems => _problems;

    public bool Has(string column) => _columns.ContainsKey(column);

    public void Add(int row, string? column, string message) => _problems.Add(new ImportProblem(row, column, message));

    /// <summary>The problems in row order and, within a row, in the order of the file's columns.</summary>
    public IReadOnlyList<ImportProblem> ProblemsInOrder() =>
        [.. _problems.OrderBy(p => p.Row).ThenBy(p => p.Column is null ? -1 : _columns.TryGetValue(p.Column, out var i) ? i : _headers.IndexOf(p.Column))];

    public static ImportSheet Read(string text, ImportRules rules)
    {
        var sheet = new ImportSheet();
        var records = CsvTable.Parse(text);
        var header = records.FirstOrDefault(r => !r.IsBlank);
        if (header is null)
        {
            sheet.Add(1, null, "The file has no header row. The first row names the columns, such as legal_name,email,status.");
            return sheet;
        }

        sheet.ReadHeader(header, records);
        foreach (var record in records.Where(r => r.Row > header.Row && !r.IsBlank))
        {
            sheet.RowCount++;
            if (sheet.ReadRow(record, rules) is { } row)
            {
                sheet.Rows.Add(row);
            }
        }

        if (sheet.RowCount == 0)
        {
            sheet.Add(header.Row + 1, null, "The file has no people in it: there is nothing after the header row. Each row after the header is one person.");
        }

        sheet.FindRepeats();
        return sheet;
    }

    private void ReadHeader(CsvRecord header, IReadOnlyList<CsvRecord> records)
    {
        ReportFaults(header, i => i < header.Values.Count ? header.Values[i] : null);
        for (var i = 0; i < header.Values.Count; i++)
        {
            var written = header.Values[i];
            var name = ImportColumns.Normalize(written);
            _headers.Add(name.Length == 0 ? $"column {i + 1}" : written.Trim());
            if (name.Length == 0)
            {
                // Spreadsheets save a trailing empty column as a trailing comma; only a nameless column with values matters.
                if (records.Any(r => r.Row > header.Row && i < r.Values.Count && r.Values[i].Trim().Length > 0))
                {
                    Add(header.Row, null, $"Column {i + 1} has values but no name. Name it in the header row ({ColumnList()}), or delete the column.");
                }

                continue;
            }

            if (ImportColumns.Find(name) is null)
            {
                var hint = written.Contains(';', StringComparison.Ordinal)
                    ? " The file seems to use semicolons between values: save it as \"CSV UTF-8 (comma delimited)\"."
                    : "";
                Add(header.Row, written.Trim(), $"\"{written.Trim()}\" is not a column PeerEthics knows. The columns are: {ColumnList()}.{hint}");
                continue;
            }

            if (!_columns.TryAdd(name, i))
            {
                Add(header.Row, written.Trim(), $"The column {name} appears twice in the header row (columns {_columns[name] + 1} and {i + 1}); keep one.");
            }
        }

        foreach (var required in ImportColumns.All.Where(c => c.Required && !_columns.ContainsKey(c.Name)))
        {
            Add(header.Row, required.Name, $"The file has no {required.Name} column, which every import needs: {required.Meaning}");
        }

    }

    private static string ColumnList() => string.Join(", ", ImportColumns.All.Select(c => c.Name));

    private string? Value(CsvRecord record, string column) =>
        _columns.TryGetValue(column, out var i) && i < record.Values.Count ? FormValues.Clean(record.Values[i]) : null;

    /// <summary>Checks one person row, recording its problems; the row, unless its values cannot be matched to the columns.</summary>
    private ImportRow? ReadRow(CsvRecord record, ImportRules rules)
    {
        ReportFaults(record, i => i < _headers.Count ? _headers[i] : $"column {i + 1}");
        if (record.Unclosed)
        {
            return null;
        }

        if (record.Values.Count != _headers.Count)
        {
            Add(record.Row, null, $"This row has {ImportReport.Count(record.Values.Count, "value", "values")} but the header row names {ImportReport.Count(_headers.Count, "column", "columns")}. "
                + "A value with a comma in it may have lost its quotes, or a comma may be missing or extra.");
            return null;
        }

        var errors = new FieldErrors();
        var person = new PersonInput(
            Value(record, ImportColumns.LegalName), Value(record, ImportColumns.PreferredName), Value(record, ImportColumns.Email),
            Value(record, ImportColumns.Phone), Value(record, ImportColumns.PostalAddress), null, null, null);
        person.Validate(errors);
        foreach (var (field, message) in errors.All)
        {
            if (s_columnOfField.TryGetValue(field, out var column) && Has(column))
            {
                Add(record.Row, column, message);
            }
        }

        var employer = Value(record, ImportColumns.Employer);
        var supervisor = Value(record, ImportColumns.Supervisor);
        NameLength(record.Row, ImportColumns.Employer, "employer's", employer);
        NameLength(record.Row, ImportColumns.Supervisor, "supervisor's", supervisor);

        var status = ReadStatus(record);
        var number = Value(record, ImportColumns.CredentialNumber);
        var dates = new FieldErrors();
        var issued = FormValues.Date(Value(record, ImportColumns.IssuedOn), ImportColumns.IssuedOn, "issue date", dates, required: false);
        var expires = FormValues.Date(Value(record, ImportColumns.ExpiresOn), ImportColumns.ExpiresOn, "expiry date", dates, required: false);
        foreach (var (column, message) in dates.All)
        {
            Add(record.Row, column, message);
        }

        CheckNumber(record.Row, status, number, rules);
        CheckDates(record, status, issued, expires, rules.Today);

        return new ImportRow(record.Row, person, employer, supervisor, status, number, issued, expires);
    }

    private void ReportFaults(CsvRecord record, Func<int, string?> columnOf)
    {
        foreach (var fault in record.Faults)
        {
            Add(record.Row, columnOf(fault.Value), fault.Kind switch
            {
                CsvFaultKind.QuoteInUnquotedValue => "This value has a quote mark (\") in it but does not start with one. In a CSV file a value with quote marks is put in quotes and each of its quote marks doubled (\"O\"\"Brien\"); saving from a spreadsheet does this.",
                CsvFaultKind.TextAfterClosingQuote => "This value has text after its closing quote mark. Put the whole value in quotes, doubling any quote marks inside it.",
                _ => "This value opens a quote mark (\") that is never closed, so the rest of the file was read as part of it and the rows after it could not be read. Close the quote, or remove it.",
            });
        }
    }

    private void NameLength(int row, string column, string whose, string? name)
    {
        if (name is { Length: > PersonInput.MaxNameLength })
        {
            Add(row, column, $"The {whose} name can be at most {PersonInput.MaxNameLength} characters long.");
        }
    }

    private CredentialStatus? ReadStatus(CsvRecord record)
    {
        if (!Has(ImportColumns.Status))
        {
            return null;
        }

        var text = Value(record, ImportColumns.Status);
        if (CredentialStatuses.TryParse(text, out var status))
        {
            return status;
        }

        var statuses = string.Join(", ", CredentialStatuses.All.Select(s => s.Name()));
        Add(record.Row, ImportColumns.Status, text is null
            ? $"Enter the status: one of {statuses}."
            : $"\"{text}\" is not a status. Use one of: {statuses}.");
        return null;
    }

    private void CheckNumber(int row, CredentialStatus? status, string? number, ImportRules rules)
    {
        if (status is { } s && number is null && Certified.Contains(s))
        {
            Add(row, ImportColumns.CredentialNumber, $"A {s.Name()} credential needs its credential number.");
        }

        if (number is null)
        {
            return;
        }

        if (status is { } before && BeforeCertification.Contains(before))
        {
            Add(row, ImportColumns.CredentialNumber, $"{Article(before)} {before.Name()} has no credential number yet: numbers are issued at certification. Leave it empty, or give the status the number goes with.");
        }
        else if (rules.NumberFormats.Count == 0)
        {
            Add(row, ImportColumns.CredentialNumber, "The program has no credential number format yet. Add the program's settings on its settings page first.");
        }
        else if (!rules.NumberFormats.Any(f => f.Matches(number)))
        {
            Add(row, ImportColumns.CredentialNumber, rules.NumberFormats.Count == 1
                ? $"{number} is not in the program's number format, {rules.NumberFormats[0].Template} (such as {rules.NumberFormats[0].Example})."
                : $"{number} is not in any of the program's number formats: {string.Join(", ", rules.NumberFormats.Select(f => $"{f.Template} (such as {f.Example})"))}.");
        }
    }

    private void CheckDates(CsvRecord record, CredentialStatus? status, DateOnly? issued, DateOnly? expires, DateOnly today)
    {
        var issuedText = Value(record, ImportColumns.IssuedOn);
        var expiresText = Value(record, ImportColumns.ExpiresOn);
        if (status is { } s && Certified.Contains(s))
        {
            if (issuedText is null)
            {
                Add(record.Row, ImportColumns.IssuedOn, $"A {s.Name()} credential needs the first day of its current certification cycle, such as 2025-03-01.");
            }

            if (expiresText is null)
            {
                Add(record.Row, ImportColumns.ExpiresOn, $"A {s.Name()} credential needs the last day of its current certification cycle, such as 2027-03-01.");
            }
        }
        else if (status is { } early && BeforeCertification.Contains(early))
        {
            foreach (var (column, text) in new[] { (ImportColumns.IssuedOn, issuedText), (ImportColumns.ExpiresOn, expiresText) })
            {
                if (text is not null)
                {
                    Add(record.Row, column, $"{Article(early)} {early.Name()} has no certification cycle yet. Leave {column} empty.");
                }
            }
        }
        else if (status is not null && (issuedText is null) != (expiresText is null))
        {
            var missing = issuedText is null ? ImportColumns.IssuedOn : ImportColumns.ExpiresOn;
            Add(record.Row, missing, "Give both issued_on and expires_on, or neither.");
        }

        if (issued is { } from && from > today)
        {
            Add(record.Row, ImportColumns.IssuedOn, $"The issue date {Display.Iso(from)} is after today ({Display.Iso(today)}).");
        }

        if (issued is { } start && expires is { } end && end <= start)
        {
            Add(record.Row, ImportColumns.ExpiresOn, $"The expiry date {Display.Iso(end)} is not after the issue date {Display.Iso(start)}.");
        }
    }

    private static string Article(CredentialStatus status) => status == CredentialStatus.Applicant ? "An" : "A";

    /// <summary>A credential number, or an email address, given on more than one row: each later row is a problem.</summary>
    private void FindRepeats()
    {
        Repeats(ImportColumns.CredentialNumber, StringComparer.Ordinal, (value, first) => $"The credential number {value} is also on row {first}: each credential number belongs to one person.");
        Repeats(ImportColumns.Email, StringComparer.OrdinalIgnoreCase, (value, first) => $"The email address {value} is also on row {first}: two people cannot share one. If this is the same person, keep one row.");
    }

    private void Repeats(string column, StringComparer comparer, Func<string, int, string> message)
    {
        var firstRow = new Dictionary<string, int>(comparer);
        foreach (var row in Rows)
        {
            var value = column == ImportColumns.Email ? FormValues.Clean(row.Person.Email) : row.Number;
            if (value is not null && !firstRow.TryAdd(value, row.Row))
            {
                Add(row.Row, column, message(value, firstRow[value]));
            }
        }
    }
}
