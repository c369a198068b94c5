using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.Demo;
using PeerEthics.Registry;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Registry;

/// <summary>
/// The registry's queries read through indexes on both databases: no scan of people, credentials or name keys.
/// SQLite's planner is rule-based: the plan here is the plan at any size. PostgreSQL's is cost-based and rightly scans
/// a table of a few thousand rows, so here sequential scans are priced out (<c>enable_seqscan = off</c>) to show that
/// an index serves every table; the plans it picks on its own at a million people are in bench/README.md.
/// </summary>
public sealed partial class RegistryQueryPlanTests
{
    [Theory, AllDatabases]
    public async Task Name_search_number_lookup_and_last_updated_use_indexes(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(3000, null, 9, force: false);
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var search = scope.ServiceProvider.GetRequiredService<RegistrySearch>();

        var plans = new[]
        {
            await PlanAsync(db, search.SearchQuery("jo", 1)),
            await PlanAsync(db, search.SearchQuery("garcia j", 3)),
            await PlanAsync(db, db.Credentials.Where(RegistryStatuses.IsPublic).Where(c => c.Number == "CPS-000100").Select(c => c.Person.LegalName)),
            await PlanAsync(db, db.Credentials.OrderByDescending(c => c.RegistryChangedAt).Where(RegistryStatuses.IsPublic).Select(c => c.RegistryChangedAt).Take(1)),
        };

        foreach (var plan in plans)
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                Assert.DoesNotMatch(SqliteTableScan(), plan);
            }
            else
            {
                Assert.DoesNotMatch(PostgresTableScan(), plan);
            }
        }

        Assert.Contains(provider == DatabaseProvider.Sqlite ? "sqlite_autoindex_RegistryNameKeys_1" : "PK_RegistryNameKeys", plans[0], StringComparison.Ordinal);
        Assert.Contains("IX_Credentials_Number", plans[2], StringComparison.Ordinal);
        Assert.Contains("IX_Credentials_RegistryChangedAt", plans[3], StringComparison.Ordinal);
    }

    // SQLite's plan names a full scan "SCAN <table>"; a scan of a materialized subquery or a covering index walk in
    // order (SCAN c USING INDEX …) is not a table scan.
    [GeneratedRegex(@"SCAN (c|c0|r|r0|p|People|Credentials|RegistryNameKeys)\b(?! USING)")]
    private static partial Regex SqliteTableScan();

    [GeneratedRegex("Seq Scan on \"(People|Credentials|RegistryNameKeys)\"")]
    private static partial Regex PostgresTableScan();

    private static async Task<string> PlanAsync<T>(PeerEthicsDb db, IQueryable<T> query)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        if (db.Database.IsNpgsql())
        {
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = """ANALYZE "People"; ANALYZE "Credentials"; ANALYZE "RegistryNameKeys"; SET enable_seqscan = off;""";
            await analyze.ExecuteNonQueryAsync();
        }

        using var command = query.CreateDbCommand();
        command.CommandText = (db.Database.IsSqlite() ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        var lines = new List<string>();
        await using (DbDataReader reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(db.Database.IsSqlite() ? reader.GetString(3) : reader.GetString(0));
            }
        }

        return string.Join('\n', lines);
    }
}
