using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using PeerEthics.Cli;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;
using static PeerEthics.Tests.People.Import.ImportFiles;

namespace PeerEthics.Tests.People.Import;

/// <summary><c>peerethics people import</c>, run as the real executable: exit codes 0, 1 and 2, text and JSON.</summary>
public sealed class PeopleImportCommandTests
{
    [Theory, AllDatabases]
    public async Task The_sample_dry_runs_then_imports_and_a_second_import_of_it_is_refused(DatabaseProvider provider)
    {
        await using var cli = await CliRunner.CreateAsync(provider);
        var file = cli.WriteFile("people.csv", Sample);

        var dry = await cli.RunAsync("people", "import", file, "--program", Seeds.Massachusetts, "--dry-run");
        var imported = await cli.RunAsync("people", "import", file, "--program", Seeds.Massachusetts);
        var again = await cli.RunAsync("people", "import", file, "--program", Seeds.Massachusetts, "--dry-run", "--format", "json");

        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.StartsWith("Nothing was imported (a dry run). Importing people.csv would add 14 people with a Massachusetts Certified Peer Specialist (CPS) credential, 4 new employers, 4 new supervisors.", dry.Output, StringComparison.Ordinal);
        Assert.Contains("New employers: Harbor Recovery Center; Riverside Peer Support; Community Bridges, Inc.; The \"Open Door\" Clubhouse", dry.Output, StringComparison.Ordinal);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.StartsWith("Imported 14 people with a Massachusetts Certified Peer Specialist (CPS) credential", imported.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        using var json = JsonDocument.Parse(again.Output);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.StartsWith("This exact file was already imported into Massachusetts Certified Peer Specialist (CPS)", problems[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        // Every credential number is taken now too: all reported, not just the first.
        Assert.Equal(11, problems.Count(p => p.GetProperty("column").GetString() == "credential_number"));

        await using var app = new SharedDatabaseApp(cli);
        _ = app.Server;
        var counts = await CountsAsync(app);
        Assert.Equal((SampleRows, SampleRows, 1), (counts.People, counts.Credentials, counts.Imports));
    }

    [Fact]
    public async Task Problems_exit_1_each_on_stderr_with_its_row_and_column_and_as_json_on_stdout_and_nothing_is_imported()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        var file = cli.WriteFile("bad.csv", SampleWith("Nadia Haddad,,nadia.haddad.example.org,,,,,certified,CPS-000120,2025-05-01,2027-05-01"));

        var text = await cli.RunAsync("people", "import", file, "--program", Seeds.Massachusetts);
        var json = await cli.RunAsync("people", "import", file, "--program", Seeds.Massachusetts, "--format", "json");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal(
            $"bad.csv, row {AddedRow}, email: The email address must look like name@example.org.\npeerethics: Nothing was imported: 1 problem in 1 row of bad.csv. Fix it and import the whole file again.",
            text.Error.Trim().ReplaceLineEndings("\n"));
        Assert.Equal("", text.Output);
        Assert.Equal(1, json.ExitCode);
        using var report = JsonDocument.Parse(json.Output);
        Assert.False(report.RootElement.GetProperty("imported").GetBoolean());
        var problem = Assert.Single(report.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal((AddedRow, "email"), (problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()));

        // Nothing was written by either run: the clean sample still imports in full.
        var sample = await cli.RunAsync("people", "import", cli.WriteFile("people.csv", Sample), "--program", Seeds.Massachusetts, "--format", "json");
        Assert.True(sample.ExitCode == 0, sample.Error);
        Assert.True(JsonDocument.Parse(sample.Output).RootElement.GetProperty("imported").GetBoolean());
    }

    [Fact]
    public async Task A_missing_file_an_unknown_program_or_a_file_not_in_utf8_exits_2_with_one_line()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var missing = await cli.RunAsync("people", "import", "nowhere.csv", "--program", Seeds.Massachusetts);
        var program = await cli.RunAsync("people", "import", cli.WriteFile("people.csv", Sample), "--program", "nowhere-cps");
        var latin1 = await cli.RunAsync("people", "import", cli.WriteFile("old.csv", System.Text.Encoding.Latin1.GetBytes("legal_name,status\nZoë,trainee\n")), "--program", Seeds.Massachusetts);
        var noProgram = await cli.RunAsync("people", "import", "people.csv");

        Assert.All([missing, program, latin1, noProgram], r => Assert.Equal(PeerEthicsCommandLine.UsageError, r.ExitCode));
        Assert.All([missing, program, latin1, noProgram], r => Assert.Single(r.Error.Trim().Split('\n')));
        Assert.StartsWith("peerethics: file not found: ", missing.Error, StringComparison.Ordinal);
        Assert.Equal("peerethics: --program: There is no program 'nowhere-cps'. The programs are: massachusetts-cps, missouri-cmps.", program.Error.Trim());
        Assert.StartsWith("peerethics: old.csv is not UTF-8 text", latin1.Error, StringComparison.Ordinal);
        Assert.Contains("--program", noProgram.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_lists_every_column()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);

        var help = await cli.RunAsync("people", "import", "--help");

        Assert.Equal(0, help.ExitCode);
        foreach (var column in PeerEthics.People.Import.ImportColumns.All)
        {
            Assert.Contains($"  {column.Name}", help.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>The web app on the command line runner's data directory and database, to look at what was stored.</summary>
    private sealed class SharedDatabaseApp(CliRunner cli) : PeerEthicsAppFactory(cli.Provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("PEERETHICS_DATA", cli.DataDirectory);
            if (cli.PostgresConnection is { } connection)
            {
                builder.UseSetting("ConnectionStrings:PeerEthics", connection);
            }
        }
    }
}
