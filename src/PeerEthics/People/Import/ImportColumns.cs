namespace PeerEthics.People.Import;

/// <summary>A column of the people import file: its name, whether every file needs it, and what goes in it.</summary>
public sealed record ImportColumn(string Name, bool Required, string Meaning, string Example)
{
    /// <summary>Needed by some rows, depending on their status.</summary>
    public bool ForSomeStatuses { get; init; }

    /// <summary>Whether a file needs the column, in a word or three.</summary>
    public string Needed => Required ? "Always" : ForSomeStatuses ? "For some statuses" : "No";
}

/// <summary>
/// The columns of a people import file, in one place: the staff page's table, <c>peerethics people import --help</c>,
/// the API's description and <c>docs/people-import.md</c> (checked by a test) all read this list.
/// </summary>
public static class ImportColumns
{
    public const string LegalName = "legal_name";
    public const string PreferredName = "preferred_name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string PostalAddress = "postal_address";
    public const string Employer = "employer";
    public const string Supervisor = "supervisor";
    public const string Status = "status";
    public const string CredentialNumber = "credential_number";
    public const string IssuedOn = "issued_on";
    public const string ExpiresOn = "expires_on";

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new(LegalName, true, "The person's legal name, as on their certificate. At most 200 characters.", "Maria Elena Santos"),
        new(PreferredName, false, "The name they go by, if it is not their legal name.", "Elena"),
        new(Email, false, "Their email address. Two people cannot share one: a row whose email is already on a person in PeerEthics, or on an earlier row, is refused.", "elena.santos@example.org"),
        new(Phone, false, "Digits, spaces, + - ( ) and x for an extension.", "(617) 555-0142"),
        new(PostalAddress, false, "Their postal address, at most 500 characters. It may have commas and line breaks (a spreadsheet puts such a value in quotes when it saves the file).", "12 Elm Street, Worcester, MA 01608"),
        new(Employer, false, "The organisation they work for, by name (capitals do not matter). One PeerEthics does not know yet is added; the preview lists every one it would add, so a misspelling shows.", "Harbor Recovery Center"),
        new(Supervisor, false, "Their supervisor's name (capitals do not matter), looked for among the supervisors at the row's employer, or among all of them when the row has no employer. One not found is added, at the row's employer; the preview lists them.", "James Okafor"),
        new(Status, true, $"Where they stand with the program: {string.Join(", ", CredentialStatuses.All.Select(s => s.Name()))}.", "certified"),
        new(CredentialNumber, false, "In the program's number format (such as CPS-000123), and no one else's. Needed when the status is certified, inactive, lapsed or suspended; left empty for an applicant or a trainee (numbers come with certification).", "CPS-000123") { ForSomeStatuses = true },
        new(IssuedOn, false, "The first day of the current certification cycle, as year-month-day, not after today. Needed when the status is certified, inactive, lapsed or suspended; left empty for an applicant or a trainee.", "2025-03-01") { ForSomeStatuses = true },
        new(ExpiresOn, false, "The last day of the current certification cycle, as year-month-day, after issued_on. Given whenever issued_on is, and only then.", "2027-03-01") { ForSomeStatuses = true },
    ];

    public static ImportColumn? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>
    /// A header as the file has it, in the form the columns are named: capitals, spaces and hyphens do not matter,
    /// so <c>Legal Name</c> and <c>legal-name</c> both read as <c>legal_name</c>.
    /// </summary>
    public static string Normalize(string header) =>
        string.Join('_', header.Trim().ToLowerInvariant().Split([' ', '-', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The columns, one line each, for <c>--help</c> and plain-text listings.</summary>
    public static string Describe() =>
        string.Join(Environment.NewLine, All.Select(c => $"  {c.Name}{(c.Required ? " (required)" : "")}: {c.Meaning}"));
}
