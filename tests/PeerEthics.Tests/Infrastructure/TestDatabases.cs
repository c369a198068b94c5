using System.Reflection;
using Npgsql;
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

    /// <summary>Creates an empty database on the test server and returns its connection string.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var name = $"peerethics_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false }.ConnectionString;
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
