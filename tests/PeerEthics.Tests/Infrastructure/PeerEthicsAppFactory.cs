using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PeerEthics.Data;

namespace PeerEthics.Tests.Infrastructure;

/// <summary>
/// The whole app on a real database of its own: a SQLite file in a temporary data directory, or a fresh
/// PostgreSQL database. The app starts the way <c>serve</c> starts it (migrations, shipped codes), on a
/// fake clock set to <see cref="Now"/>.
/// </summary>
public class PeerEthicsAppFactory(DatabaseProvider provider) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("peerethics-test-").FullName;
    private string? _postgresConnection;

    // Every host would otherwise watch files with inotify: its appsettings, and every stylesheet and script a page
    // links with asp-append-version. A CI machine allows 128 inotify instances per user and the suite ran out.
    // Polling watchers take none; the settings are never edited during a run anyway. Child processes (the CLI
    // tests) inherit both.
    static PeerEthicsAppFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public DatabaseProvider Provider { get; } = provider;

    public FakeTimeProvider Clock { get; } = new(Now);

    public string DataDirectory => _dataDirectory;

    /// <summary>A scope on the app's services, for arranging and inspecting data directly.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("PEERETHICS_DATA", _dataDirectory);
        builder.UseSetting("Database:Provider", Provider.ToString());
        // Tests move the clock; the daily lapse job would wake and write audit entries in the middle of them.
        // Tests of the job turn it on (PeopleApp).
        builder.UseSetting("People:LapseDaily", "false");
        // The same for the daily campaign reminders; their tests run them on the clock they set (CampaignApp).
        builder.UseSetting("Campaigns:RemindDaily", "false");
        if (Provider == DatabaseProvider.Postgres)
        {
            _postgresConnection ??= CreateMigratedPostgresDatabase();
            builder.UseSetting("ConnectionStrings:PeerEthics", _postgresConnection);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTestSignIn();
        });
    }

    // The app migrates SQLite itself; PostgreSQL is migrated deliberately, as `peerethics migrate` would.
    private static string CreateMigratedPostgresDatabase() =>
        TestDatabases.CreateMigratedPostgresDatabaseAsync().GetAwaiter().GetResult();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresConnection is not null)
        {
            await TestDatabases.DropPostgresDatabaseAsync(_postgresConnection);
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool; the temp folder is cleaned by the OS.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>One app per database provider, shared by the tests of a collection that only read.</summary>
public sealed class SharedApps : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, PeerEthicsAppFactory> _apps = [];
    private readonly Lock _lock = new();

    public PeerEthicsAppFactory this[DatabaseProvider provider]
    {
        get
        {
            lock (_lock)
            {
                if (!_apps.TryGetValue(provider, out var app))
                {
                    app = new PeerEthicsAppFactory(provider);
                    _apps[provider] = app;
                }

                return app;
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedAppsDefinition : ICollectionFixture<SharedApps>
{
    public const string Name = "Shared apps";
}
