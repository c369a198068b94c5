using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using Npgsql;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqlitePeerEthicsDb(new DbContextOptionsBuilder<SqlitePeerEthicsDb>().UseSqlite("Data Source=:memory:").UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration <Name>.");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresPeerEthicsDb(new DbContextOptionsBuilder<PostgresPeerEthicsDb>().UseNpgsql("Host=127.0.0.1").UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration <Name>.");
    }

    [Theory, AllDatabases]
    public async Task Migrate_brings_an_empty_database_to_the_model_and_a_second_run_changes_nothing(DatabaseProvider provider)
    {
        await using var cli = await CliRunner.CreateAsync(provider, migrated: false);
        Assert.Equal(0, await CountTablesAsync(cli));

        var first = await cli.RunAsync("migrate");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains($"Migrated the {provider} database.", first.Output);
        var tables = await CountTablesAsync(cli);
        Assert.True(tables > 10, $"{tables} tables after migrating");

        var second = await cli.RunAsync("migrate");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(tables, await CountTablesAsync(cli));
    }

    private static async Task<long> CountTablesAsync(CliRunner cli)
    {
        if (cli.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(cli.DataDirectory, "peerethics.db");
            if (!File.Exists(file))
            {
                return 0;
            }

            await using var sqlite = new SqliteConnection($"Data Source={file};Pooling=False");
            await sqlite.OpenAsync();
            await using var query = new SqliteCommand("SELECT count(*) FROM sqlite_master WHERE type = 'table'", sqlite);
            return (long)(await query.ExecuteScalarAsync())!;
        }

        await using var connection = new NpgsqlConnection(cli.PostgresConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
