using System.Globalization;
using System.Text.Json;
using Npgsql;
using PeerEthics.Data;

namespace PeerEthics.CrashTest;

/// <summary>
/// <c>dotnet PeerEthics.CrashTest.dll --provider sqlite|postgres --app &lt;peerethics&gt; [--rounds 20] [--signers 8]
/// [--people-per-signer 12] [--kill-max-ms 6000] [--seed N] [--postgres-server &lt;connection&gt;] [--work &lt;dir&gt;]
/// [--report &lt;file.json&gt;] [--keep]</c>. Exit 0 when every check passed, 1 when one did not, 2 on a usage error.
/// <c>bench/crash.sh</c> builds the app and runs this; see bench/README.md.
/// </summary>
public static class CrashTestProgram
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> Main(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
            {
                keep = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                return Usage($"unexpected argument '{args[i]}'");
            }
        }

        if (!values.TryGetValue("provider", out var providerName) || !Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            return Usage("--provider: give sqlite or postgres");
        }

        if (!values.TryGetValue("app", out var app) || !File.Exists(app))
        {
            return Usage("--app: give the path of the app under test (peerethics.dll or the published peerethics executable)");
        }

        var work = values.TryGetValue("work", out var w) ? Path.GetFullPath(w) : Directory.CreateTempSubdirectory("peerethics-crash-").FullName;
        string? database = null;
        string? server = null;
        if (provider == DatabaseProvider.Postgres)
        {
            if (!values.TryGetValue("postgres-server", out server))
            {
                return Usage("--postgres-server: give the connection string of a PostgreSQL server (scripts/postgres url)");
            }

            database = await CreateDatabaseAsync(server);
        }

        try
        {
            var options = new CrashOptions
            {
                AppPath = Path.GetFullPath(app),
                Provider = provider,
                WorkDirectory = work,
                PostgresConnection = database,
                Rounds = Number(values, "rounds", 20),
                Signers = Number(values, "signers", 8),
                PeoplePerSigner = Number(values, "people-per-signer", 12),
                KillAfterServingMax = TimeSpan.FromMilliseconds(Number(values, "kill-max-ms", 6000)),
                Seed = Number(values, "seed", Environment.TickCount & int.MaxValue),
            };
            var report = await new CrashRun(options, Console.Out).RunAsync();
            if (values.TryGetValue("report", out var reportFile))
            {
                await File.WriteAllTextAsync(reportFile, JsonSerializer.Serialize(report, ReportJson));
            }

            Console.WriteLine(report.Passed
                ? $"PASSED on {report.Provider}: {report.Kills} kills ({report.KillsWhileStarting} while starting), {report.Acknowledged} acknowledged, all {report.Present} present, commitments verify exit {report.CommitmentsVerifyExitCode}"
                : $"FAILED on {report.Provider}: {report.Problems.Count} problem(s); logs in {Path.Combine(work, "logs")}");
            return report.Passed ? 0 : 1;
        }
        finally
        {
            if (server is not null && database is not null && !keep)
            {
                await DropDatabaseAsync(server, database);
            }

            if (!keep)
            {
                try
                {
                    Directory.Delete(Path.Combine(work, "data"), recursive: true);
                }
                catch (IOException)
                {
                    // Kept for a look; the temporary folder is cleaned by the system.
                }
            }
        }
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

    private static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = $"peerethics_crash_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task DropDatabaseAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(database).Database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"crash test: {problem}");
        return 2;
    }
}
