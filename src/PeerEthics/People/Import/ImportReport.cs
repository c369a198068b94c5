using System.Globalization;

namespace PeerEthics.People.Import;

/// <summary>
/// One problem with an import file: the row as a spreadsheet numbers it (the header is row 1, the first person row
/// 2), the column by its name in the file (null for the whole row), and what is wrong in words a registrar can act on.
/// </summary>
public sealed record ImportProblem(int Row, string? Column, string Message)
{
    public override string ToString() => Column is null
        ? string.Create(CultureInfo.InvariantCulture, $"row {Row}: {Message}")
        : string.Create(CultureInfo.InvariantCulture, $"row {Row}, {Column}: {Message}");
}

/// <summary>
/// What an import found, or did: every problem (all of them, in row order), and what the file adds — or would add,
/// in a dry run or when there are problems, since then nothing is written. New supervisors are named with the employer
/// they are added at: "Rosa Delgado (Community Bridges, Inc.)".
/// </summary>
public sealed record ImportReport(
    string Program,
    string ProgramName,
    string FileName,
    string Sha256,
    bool DryRun,
    bool Imported,
    int Rows,
    IReadOnlyList<string> NewEmployers,
    IReadOnlyList<string> NewSupervisors,
    IReadOnlyList<ImportProblem> Problems)
{
    public bool CanImport => Problems.Count == 0;

    /// <summary>Each person row adds one person and their credential with the program.</summary>
    public int People => Rows;

    /// <summary>How many rows have at least one problem (the header counts as row 1).</summary>
    public int RowsWithProblems => Problems.Select(p => p.Row).Distinct().Count();

    /// <summary>What the file adds: "14 people with a … credential, 4 new employers, 4 new supervisors".</summary>
    public string Adds =>
        $"{Count(Rows, "person", "people")} with a {ProgramName} credential"
        + (NewEmployers.Count > 0 ? $", {Count(NewEmployers.Count, "new employer", "new employers")}" : "")
        + (NewSupervisors.Count > 0 ? $", {Count(NewSupervisors.Count, "new supervisor", "new supervisors")}" : "");

    /// <summary>One sentence saying what happened or would happen.</summary>
    public string Summary()
    {
        var adds = Adds;
        return (Imported, CanImport) switch
        {
            (true, _) => $"Imported {adds} from {FileName}.",
            (false, true) => $"Nothing was imported (a dry run). Importing {FileName} would add {adds}.",
            _ => $"Nothing was imported: {Count(Problems.Count, "problem", "problems")} in {Count(RowsWithProblems, "row", "rows")} of {FileName}. Fix {(Problems.Count == 1 ? "it" : "them")} and import the whole file again.",
        };
    }

    public static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}

/// <summary>What an import came to: a report, or a file or program that cannot be used at all.</summary>
public abstract record ImportOutcome
{
    private ImportOutcome()
    {
    }

    public sealed record Checked(ImportReport Report) : ImportOutcome;

    /// <summary><paramref name="Field"/> is <c>program</c> or <c>file</c>; the message follows the file's name or says what program.</summary>
    public sealed record Unusable(string Field, string Message) : ImportOutcome;
}
