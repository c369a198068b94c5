using System.Diagnostics;
using PeerEthics.Cli;
using PeerEthics.Data;

namespace PeerEthics.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>
/// Runs <c>peerethics</c> commands with a data directory (and, on PostgreSQL, a migrated database) of their
/// own: what a staff member scripting the command line sees. <see cref="RunAsync"/> runs the command line in
/// this process (the same parsing, hosts and output as the executable, in milliseconds instead of seconds);
/// <see cref="RunExecutableAsync"/> starts the real executable, for what only a process shows.
/// </summary>
public sealed class CliRunner : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly string? _postgresConnection;

    private CliRunner(DatabaseProvider provider, string? postgresConnection)
    {
        Provider = provider;
        _postgresConnection = postgresConnection;
        DataDirectory = Directory.CreateTempSubdirectory("peerethics-cli-").FullName;
    }

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    /// <summary>The runner's PostgreSQL database, when it runs on PostgreSQL.</summary>
    public string? PostgresConnection => _postgresConnection;

    /// <summary>A runner on a new SQLite data directory, or on a new, migrated PostgreSQL database.</summary>
    public static async Task<CliRunner> CreateAsync(DatabaseProvider provider, bool migrated = true)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new CliRunner(provider, null);
        }

        return new CliRunner(provider, migrated
            ? await TestDatabases.CreateMigratedPostgresDatabaseAsync()
            : await TestDatabases.CreateEmptyPostgresDatabaseAsync());
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PEERETHICS_DATA"] = DataDirectory,
            ["Database:Provider"] = Provider.ToString(),
        };
        if (_postgresConnection is not null)
        {
            settings["ConnectionStrings:PeerEthics"] = _postgresConnection;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliHost.WithConfigurationAsync(settings, () => PeerEthicsCommandLine.InvokeAsync(args, output, error));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The real executable, as a separate process.</summary>
    public async Task<CliResult> RunExecutableAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "peerethics.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PEERETHICS_DATA"] = DataDirectory;
        start.Environment["Database__Provider"] = Provider.ToString();
        if (_postgresConnection is not null)
        {
            start.Environment["ConnectionStrings__PeerEthics"] = _postgresConnection;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"peerethics {string.Join(' ', args)} did not finish within {Timeout}.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>A file in this runner's scratch directory with the given text.</summary>
    public string WriteFile(string name, string text) => WriteFile(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(DataDirectory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresConnection is not null)
        {
            await TestDatabases.DropPostgresDatabaseAsync(_postgresConnection);
        }

        Directory.Delete(DataDirectory, recursive: true);
    }
}
