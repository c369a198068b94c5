using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PeerEthics.Accounts;
using PeerEthics.Data;
using Xunit.Sdk;

namespace PeerEthics.Tests.Infrastructure;

/// <summary>
/// The databases data tests run on: SQLite always, PostgreSQL unless <c>PEERETHICS_SKIP_POSTGRES=1</c>
/// (a local shortcut; CI never sets it). <c>scripts/test</c> starts the PostgreSQL server and sets
/// <c>PEERETHICS_TEST_POSTGRES</c> to its connection string.
/// </summary>
public static class TestDatabases
{
    public static bool PostgresSkipped => Environment.GetEnvironmentVariable("PEERETHICS_SKIP_POSTGRES") == "1";

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("PEERETHICS_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=54329;Username=peerethics;Password=peerethics;Database=postgres";

    public static IEnumerable<DatabaseProvider> Providers =>
        PostgresSkipped ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    // Migrating takes seconds; copying a migrated template takes a fraction of one. One template per test process.
    private static readonly Lazy<Task<string>> MigratedTemplate = new(CreateMigratedTemplateAsync);

    /// <summary>
    /// Creates a database on the test server, migrated the way <c>peerethics migrate</c> leaves it, and
    /// returns its connection string.
    /// </summary>
    public static async Task<string> CreateMigratedPostgresDatabaseAsync()
    {
        var template = await MigratedTemplate.Value;
        return await CreatePostgresDatabaseAsync("peerethics_test", $"TEMPLATE {template}");
    }

    private static async Task<string> CreateMigratedTemplateAsync()
    {
        var connection = await CreatePostgresDatabaseAsync("peerethics_template", "");
        var options = new DbContextOptionsBuilder<PostgresPeerEthicsDb>()
            .UseNpgsql(connection)
            .UseApplicationServiceProvider(IdentitySettings.ModelServices())
            .Options;
        await using (var db = new PostgresPeerEthicsDb(options))
        {
            await db.Database.MigrateAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgresDatabaseAsync(connection).GetAwaiter().GetResult();
        return new NpgsqlConnectionStringBuilder(connection).Database!;
    }

    /// <summary>Creates an empty database on the test server and returns its connection string.</summary>
    public static Task<string> CreateEmptyPostgresDatabaseAsync() => CreatePostgresDatabaseAsync("peerethics_test", "");

    private static async Task<string> CreatePostgresDatabaseAsync(string prefix, string clause)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} {clause}", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Pooled, as the app runs: without a pool every query started a new server process that loaded the new
        // database's catalogs again (about 5 s of each PostgreSQL test). Idle connections close after 2 s, so the pools
        // of finished tests do not pile up against max_connections; dropping a database closes the rest.
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1 }.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Runs a theory once per database in <see cref="TestDatabases.Providers"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        TestDatabases.Providers.Select(p => new object[] { p });
}
