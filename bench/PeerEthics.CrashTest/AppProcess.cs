using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PeerEthics.CrashTest;

/// <summary>
/// The app under test as a real process: <c>peerethics serve</c> on 127.0.0.1, killed with SIGKILL or stopped with
/// SIGTERM; and its commands. Every process it starts is killed when this process exits, and every wait has a timeout.
/// </summary>
public sealed class AppProcess
{
    private static readonly Lock Running = new();
    private static readonly HashSet<Process> Children = [];

    static AppProcess()
    {
        // Ctrl+C, SIGTERM and a normal exit all end here: leave no server behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private readonly CrashOptions _options;
    private readonly string _dataDirectory;

    public AppProcess(CrashOptions options, string dataDirectory)
    {
        _options = options;
        _dataDirectory = dataDirectory;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts <c>serve</c>; its output goes to <paramref name="logFile"/>.</summary>
    public Server Start(string logFile)
    {
        var process = Launch(["serve", "--urls", BaseAddress.ToString().TrimEnd('/')], logFile);
        return new Server(process, Stopwatch.StartNew());
    }

    /// <summary>Runs a command (<c>commitments verify</c>…) to its end, killed after <paramref name="timeout"/>.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string[] args, TimeSpan timeout, string logFile)
    {
        using var process = Launch(args, logFile);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
            Forget(process);
            throw new TimeoutException($"peerethics {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s (log: {logFile}).");
        }

        await process.WaitForExitAsync(); // the last output lines
        Forget(process);
        return (process.ExitCode, await File.ReadAllTextAsync(logFile));
    }

    private Process Launch(IEnumerable<string> args, string logFile)
    {
        var dll = _options.AppPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(dll ? "dotnet" : _options.AppPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dataDirectory,
        };
        if (dll)
        {
            start.ArgumentList.Add(_options.AppPath);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PEERETHICS_DATA"] = _dataDirectory;
        start.Environment["Database__Provider"] = _options.Provider.ToString();
        if (_options.PostgresConnection is { } connection)
        {
            start.Environment["ConnectionStrings__PeerEthics"] = connection;
        }

        // Every signer signs in from 127.0.0.1: the per-address sign-in limit (30 a minute) is meant for a classroom.
        start.Environment["RateLimits__SignIn__PermitLimit"] = "100000";
        start.Environment["People__LapseDaily"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        start.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true";
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    log.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) => { lock (gate) { log.Flush(); } };
        lock (Running)
        {
            process.Start();
            Children.Add(process);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Forget(Process process)
    {
        lock (Running)
        {
            Children.Remove(process);
        }
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var child in Children)
            {
                try
                {
                    child.Kill();
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }

            Children.Clear();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A running <c>serve</c>.</summary>
    public sealed class Server(Process process, Stopwatch sinceStart) : IAsyncDisposable
    {
        public TimeSpan SinceStart => sinceStart.Elapsed;

        public bool HasExited => process.HasExited;

        public int? ExitCode => process.HasExited ? process.ExitCode : null;

        /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux): no shutdown, no flush, nothing.</summary>
        public async Task KillAsync()
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync();
            Forget(process);
        }

        /// <summary>SIGTERM, and SIGKILL if it has not stopped after <paramref name="grace"/>.</summary>
        public async Task StopAsync(TimeSpan grace)
        {
            if (!process.HasExited)
            {
                using var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
                await term.WaitForExitAsync();
                using var wait = new CancellationTokenSource(grace);
                try
                {
                    await process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill();
                }
            }

            await KillAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await KillAsync();
            process.Dispose();
        }
    }
}
