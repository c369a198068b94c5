using Microsoft.EntityFrameworkCore;
using PeerEthics.Audit;
using PeerEthics.Data;

namespace PeerEthics.Cli;

/// <summary>The services a command needs (data, features) without a web server.</summary>
public static class CliHost
{
    private static readonly AsyncLocal<IReadOnlyDictionary<string, string?>?> ScopedConfiguration = new();

    /// <summary>
    /// Runs <paramref name="action"/> with settings that take precedence over the environment's for every
    /// command host created inside it, and only there: how many commands run side by side in one process,
    /// each on its own data (the tests do).
    /// </summary>
    public static async Task<T> WithConfigurationAsync<T>(IReadOnlyDictionary<string, string?> configuration, Func<Task<T>> action)
    {
        // An AsyncLocal set in an async method flows into what it awaits and is restored when it returns.
        ScopedConfiguration.Value = configuration;
        return await action();
    }

    public static IHost Create()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (ScopedConfiguration.Value is { } scoped)
        {
            builder.Configuration.AddInMemoryCollection(scoped);
        }

        // stdout is the command's output (often JSON); logs go to stderr.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        Program.AddFeatures(builder, AuditProcessActor.CommandLine());
        return builder.Build();
    }

    /// <summary>A host whose database is ready to read, prepared the way <c>serve</c> prepares it.</summary>
    public static async Task<IHost> CreateReadyAsync(CancellationToken cancellationToken)
    {
        var host = Create();
        await host.Services.PrepareDatabaseAsync(cancellationToken);
        return host;
    }

    /// <summary>True, having said so on stderr, when the database still has migrations to apply.</summary>
    public static async Task<bool> NotMigratedAsync(PeerEthicsDb db, TextWriter error, CancellationToken cancellationToken)
    {
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await error.WriteLineAsync("peerethics: the database is not migrated; run `peerethics migrate` first.");
            return true;
        }

        return false;
    }
}
