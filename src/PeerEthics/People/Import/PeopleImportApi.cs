using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.Accounts;

namespace PeerEthics.People.Import;

/// <summary>
/// The import report as JSON: what the API answers and <c>people import --format json</c> prints. <c>rows</c> is the
/// number of people in the file: each row adds one person and their credential.
/// </summary>
public sealed record ImportReportJson(
    string Program,
    string File,
    string Sha256,
    bool DryRun,
    bool Imported,
    int Rows,
    IReadOnlyList<string> NewEmployers,
    IReadOnlyList<string> NewSupervisors,
    IReadOnlyList<ImportProblemJson> Problems,
    string Summary)
{
    public static ImportReportJson From(ImportReport report) => new(
        report.Program, report.FileName, report.Sha256, report.DryRun, report.Imported, report.Rows, report.NewEmployers, report.NewSupervisors, [.. report.Problems.Select(p => new ImportProblemJson(p.Row, p.Column, p.Message))], report.Summary());
}

/// <summary>One problem: the row as a spreadsheet numbers it (header = 1), the column's name (null: the whole row), the message.</summary>
public sealed record ImportProblemJson(int Row, string? Column, string Message);

/// <summary><c>POST /api/people/import?program=&amp;dryRun=</c>: the staff page's import, for scripts.</summary>
public static class PeopleImportApi
{
    public static IEndpointRouteBuilder MapPeopleImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/people/import", Import)
            .RequireAuthorization(Policies.ManagePeople)
            .Accepts<string>("text/csv")
            .WithTags("People")
            .WithSummary("Import a CSV file of people with credentials with one program: all rows or none (dryRun=true: check only).")
            .WithDescription("Registrars and administrators, signed in with a second factor. The body is the CSV file itself (Content-Type text/csv, UTF-8, "
                + $"at most {ImportFile.MaxSize}); ?file= names it for the audit trail and the status history. Columns (header row first; capitals, spaces and hyphens do not matter): "
                + string.Join(" ", ImportColumns.All.Select(c => $"{c.Name}{(c.Required ? " (required)" : "")}: {c.Meaning}"))
                + " Answers 200 with the report (with dryRun=true nothing is stored; otherwise every row was imported); 422 with a problem document whose "
                + "'problems' list every problem by row (the header is row 1), column and message, and nothing stored; 400 naming the program or the file "
                + "when they cannot be used; 413 when the file is too large.");
        return app;
    }

    private static async Task<Results<Ok<ImportReportJson>, ValidationProblem, ProblemHttpResult>> Import(
        string? program, bool? dryRun, string? file, HttpRequest http, PeopleImporter importer, CancellationToken cancellationToken)
    {
        if (http.ContentLength > ImportFile.MaxBytes)
        {
            return TooLarge(http.ContentLength.Value);
        }

        // Read no more than one byte past the limit, whatever the client says the length is.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ImportFile.MaxBytes)
            {
                return TooLarge(buffer.Length);
            }
        }

        var outcome = await importer.RunAsync(program, buffer.ToArray(), string.IsNullOrWhiteSpace(file) ? "import.csv" : file, dryRun == true, cancellationToken);
        switch (outcome)
        {
            case ImportOutcome.Unusable(var field, var message):
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
            case ImportOutcome.Checked(var report) when report.Problems.Count > 0:
                var json = ImportReportJson.From(report);
                return TypedResults.Problem(
                    title: "The file has problems; nothing was imported",
                    detail: json.Summary,
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    extensions: new Dictionary<string, object?>
                    {
                        ["problems"] = json.Problems,
                        ["report"] = json,
                    });
            case ImportOutcome.Checked(var report):
                return TypedResults.Ok(ImportReportJson.From(report));
            default:
                throw new InvalidOperationException($"Unexpected import outcome {outcome}.");
        }
    }

    private static ProblemHttpResult TooLarge(long bytes) => TypedResults.Problem(
        title: "The file is too large",
        detail: $"The file {ImportFile.TooLarge(bytes)}.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
