using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.People.Import;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.People.Import;

/// <summary>Import files for the tests: the shipped sample, and variations on it.</summary>
internal static class ImportFiles
{
    public const int SampleRows = 14;

    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "people.csv");

    public static byte[] Sample => File.ReadAllBytes(SamplePath);

    public static string SampleText => File.ReadAllText(SamplePath);

    /// <summary>
    /// The sample with one more row. It is row 16 as a spreadsheet shows it: the header and 14 people, two of whose
    /// addresses take two lines of the file (17 lines) but one row each.
    /// </summary>
    public static string SampleWith(string row) => SampleText.TrimEnd('\n') + "\n" + row + "\n";

    public const int AddedRow = 16;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Runs the importer as a registrar's request would, in a scope of its own.</summary>
    public static async Task<ImportOutcome> RunAsync(PeerEthicsAppFactory app, string text, bool dryRun, string program = Seeds.Massachusetts, string fileName = "people.csv")
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<PeopleImporter>().RunAsync(program, Utf8(text), fileName, dryRun);
    }

    public static async Task<ImportReport> ReportAsync(PeerEthicsAppFactory app, string text, bool dryRun, string program = Seeds.Massachusetts, string fileName = "people.csv") =>
        Assert.IsType<ImportOutcome.Checked>(await RunAsync(app, text, dryRun, program, fileName)).Report;

    /// <summary>Everything an import could write.</summary>
    public static async Task<(int People, int Credentials, int History, int Organisations, int Supervisors, int Imports)> CountsAsync(PeerEthicsAppFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        return (await db.People.CountAsync(), await db.Credentials.CountAsync(), await db.CredentialStatusHistory.CountAsync(),
            await db.Organisations.CountAsync(), await db.Supervisors.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action == PeopleImporter.AuditAction));
    }
}
