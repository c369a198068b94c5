using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Registry;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Registry;

/// <summary>The Registry migration fills in what existing rows lack, in SQL, the same as the app computes it.</summary>
public sealed class RegistryMigrationTests
{
    [Theory, AllDatabases]
    public async Task Existing_people_get_their_name_keys_and_credentials_their_last_change(DatabaseProvider provider)
    {
        var directory = Directory.CreateTempSubdirectory("peerethics-migration-").FullName;
        var postgres = provider == DatabaseProvider.Postgres ? await TestDatabases.CreateEmptyPostgresDatabaseAsync() : null;
        try
        {
            await using PeerEthicsDb db = postgres is null
                ? new SqlitePeerEthicsDb(new DbContextOptionsBuilder<SqlitePeerEthicsDb>().UseSqlite($"Data Source={Path.Combine(directory, "m.db")};Pooling=False")
                    .UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options)
                : new PostgresPeerEthicsDb(new DbContextOptionsBuilder<PostgresPeerEthicsDb>().UseNpgsql(postgres)
                    .UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options);
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var registry = migrations.Single(m => m.EndsWith("_Registry", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[migrations.IndexOf(registry) - 1]);

            var changed = new DateTimeOffset(2025, 4, 1, 10, 30, 0, TimeSpan.Zero);
            var created = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
            object At(DateTimeOffset at) => postgres is null ? at.UtcTicks : at;
            string[] names = [NamesOf("José María García-López", "Pepe García"), NamesOf("Mary O'Brien", null), NamesOf("Ana Ana", null)];
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Codes" ("Id", "Slug", "Title") VALUES (900, 'test-code', 'Test code')""");
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Programs" ("Id", "CodeId", "Name", "Slug") VALUES (900, 900, 'Test program', 'test-program')""");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "People" ("Id", "LegalName", "PreferredName", "SearchName", "CreatedAt") VALUES
                  (1, 'José María García-López', 'Pepe García', {0}, {3}), (2, 'Mary O''Brien', NULL, {1}, {3}), (3, 'Ana Ana', NULL, {2}, {3})
                """, names[0], names[1], names[2], At(created));
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Credentials" ("Id", "PersonId", "ProgramId", "Number", "Status", "Version") VALUES
                  (1, 1, 900, 'T-001', 'certified', 0), (2, 2, 900, NULL, 'applicant', 0)
                """);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "CredentialStatusHistory" ("CredentialId", "To", "At", "ChangedBy", "Reason") VALUES
                  (1, 'trainee', {0}, 'cli', 'x'), (1, 'certified', {1}, 'cli', 'y')
                """, At(changed.AddDays(-30)), At(changed));

            await migrator.MigrateAsync(registry);

            var keys = await db.RegistryNameKeys.AsNoTracking().ToListAsync();
            Assert.Equal(RegistryKeys.For("José María García-López", "Pepe García").Order(StringComparer.Ordinal),
                keys.Where(k => k.PersonId == 1).Select(k => k.Key).Order(StringComparer.Ordinal));
            Assert.Equal(RegistryKeys.For("Mary O'Brien", null).Order(StringComparer.Ordinal), keys.Where(k => k.PersonId == 2).Select(k => k.Key).Order(StringComparer.Ordinal));
            Assert.Equal(["ana ana"], keys.Where(k => k.PersonId == 3).Select(k => k.Key));
            var credentials = await db.Credentials.AsNoTracking().OrderBy(c => c.Id).Select(c => c.RegistryChangedAt).ToListAsync();
            Assert.Equal([changed, created], credentials);
        }
        finally
        {
            if (postgres is not null)
            {
                await TestDatabases.DropPostgresDatabaseAsync(postgres);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static string NamesOf(string legal, string? preferred) => PeerEthics.People.NameSearch.KeyFor(legal, preferred);
}
