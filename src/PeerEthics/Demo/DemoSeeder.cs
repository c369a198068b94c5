using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Programs;

namespace PeerEthics.Demo;

/// <summary>What <c>demo seed</c> added.</summary>
public sealed record DemoSeedReport(int People, int Listed, IReadOnlyDictionary<string, int> ByStatus, TimeSpan Took);

/// <summary>
/// <c>peerethics demo seed</c>: fake people with one credential each, for demonstrations and the registry benchmark.
/// All in one transaction, past the change tracker: batched prepared inserts on SQLite, binary COPY on PostgreSQL.
/// It writes what <see cref="Registry.RegistryStamper"/> would (search name, name keys, registry change time), and
/// refuses a database that already has people unless told to mix (<c>--force</c>): demo people are never mixed
/// silently with real ones. Every demo email address ends in <c>@example.invalid</c>, which can never be delivered.
/// </summary>
public sealed class DemoSeeder(PeerEthicsDb db, ProgramSettingsHistory programs, AuditLog audit, TimeProvider clock)
{
    public const int MaxPeople = 5_000_000;

    public async Task<Outcome<DemoSeedReport>> SeedAsync(int people, string? programSlug, int seed, bool force, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var errors = new FieldErrors();
        if (people is < 1 or > MaxPeople)
        {
            errors.Add("people", $"--people must be a whole number from 1 to {MaxPeople:N0}.");
        }

        var all = await programs.ListAsync(cancellationToken);
        var chosen = programSlug is null ? all : [.. all.Where(p => p.Slug == programSlug)];
        if (chosen.Count == 0)
        {
            errors.Add("program", programSlug is null ? "There are no programs to add people to." : $"There is no program {programSlug}. Programs: {string.Join(", ", all.Select(p => p.Slug))}.");
        }
        else if (chosen.FirstOrDefault(p => p.InForce is null) is { } unset)
        {
            errors.Add("program", $"The program {unset.Slug} has no settings in force (number format, cycle), so it cannot issue numbers.");
        }

        var existing = await db.People.CountAsync(cancellationToken);
        if (existing > 0 && !force)
        {
            errors.Add("force", $"The database already has {existing:N0} people. Demo people would be mixed with them: seed an empty database, or add --force to mix them on purpose.");
        }

        if (errors.Any)
        {
            return new Outcome<DemoSeedReport>.Refused(errors);
        }

        var demoPrograms = new List<DemoProgram>();
        foreach (var program in chosen)
        {
            var format = CredentialNumberFormat.Parse(program.InForce!.NumberFormat)!;
            var highest = await db.Credentials.AsNoTracking()
                .Where(c => c.ProgramId == program.Id && c.Number != null && c.Number.StartsWith(format.Prefix) && c.Number.Length == format.Length)
                .OrderByDescending(c => c.Number).Select(c => c.Number).Take(20).ToListAsync(cancellationToken);
            demoPrograms.Add(new DemoProgram(program.Id, program.Slug, format, (highest.Select(format.SequenceOf).FirstOrDefault(s => s is not null) ?? 0) + 1, program.InForce));
        }

        var firstPerson = (await db.People.MaxAsync(p => (int?)p.Id, cancellationToken) ?? 0) + 1;
        var firstCredential = (await db.Credentials.MaxAsync(c => (int?)c.Id, cancellationToken) ?? 0) + 1;
        var firstHistory = (await db.CredentialStatusHistory.MaxAsync(h => (long?)h.Id, cancellationToken) ?? 0) + 1;
        var generator = new DemoPeople(people, seed, demoPrograms, firstPerson, firstCredential, firstHistory, clock.GetUtcNow());

        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            if (db.Database.IsNpgsql())
            {
                await CopyAsync((NpgsqlConnection)connection, generator, byStatus, cancellationToken);
            }
            else
            {
                await InsertAsync(connection, transaction.GetDbTransaction(), generator, byStatus, cancellationToken);
            }

            audit.Record("demo.seeded", "people", detail: string.Create(CultureInfo.InvariantCulture, $"{people} demo people, seed {seed}, programs {string.Join(",", demoPrograms.Select(p => p.Slug))}"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var listed = byStatus.Where(s => CredentialStatuses.TryParse(s.Key, out var status) && Registry.RegistryStatuses.IsListed(status)).Sum(s => s.Value);
        return new Outcome<DemoSeedReport>.Done(new DemoSeedReport(people, listed, byStatus, clock.GetElapsedTime(started)));
    }

    // Microsoft.Data.Sqlite runs commands synchronously anyway: plain calls, without a task per row.
    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, DemoPeople generator, Dictionary<string, int> byStatus, CancellationToken cancellationToken)
    {
        using (var pragma = connection.CreateCommand())
        {
            // A bigger page cache for this connection while a million index entries go in (about 256 MB).
            pragma.CommandText = "PRAGMA cache_size = -262144";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        using var person = Prepare(connection, transaction,
            "INSERT INTO People (Id, LegalName, PreferredName, SearchName, Email, Phone, CreatedAt) VALUES ($1, $2, $3, $4, $5, $6, $7)", 7);
        using var credential = Prepare(connection, transaction,
            "INSERT INTO Credentials (Id, PersonId, ProgramId, Number, Status, IssuedOn, ExpiresOn, EligibleSince, Version, RegistryChangedAt) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9)", 9);
        using var history = Prepare(connection, transaction,
            "INSERT INTO CredentialStatusHistory (Id, CredentialId, \"From\", \"To\", At, ChangedBy, ChangedByName, Reason) VALUES ($1, $2, NULL, $3, $4, 'cli', NULL, $5)", 5);
        using var key = Prepare(connection, transaction, "INSERT INTO RegistryNameKeys (PersonId, Key) VALUES ($1, $2)", 2);
        foreach (var p in generator.All())
        {
            Count(byStatus, p.Status);
            cancellationToken.ThrowIfCancellationRequested();
            Run(person, p.Id, p.LegalName, p.PreferredName, p.SearchName, p.Email, p.Phone, p.CreatedAt.UtcTicks);
            Run(credential, p.CredentialId, p.Id, p.ProgramId, p.Number, p.Status.Name(), Day(p.IssuedOn), Day(p.ExpiresOn), Day(p.EligibleSince), p.ChangedAt.UtcTicks);
            Run(history, p.HistoryId, p.CredentialId, p.Status.Name(), p.ChangedAt.UtcTicks, DemoPeople.Reason);
            foreach (var k in p.Keys)
            {
                Run(key, p.Id, k);
            }
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static void Run(DbCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Count(Dictionary<string, int> byStatus, CredentialStatus status) =>
        byStatus[status.Name()] = byStatus.GetValueOrDefault(status.Name()) + 1;

    // COPY writes one table at a time: the generator walks the same people once per table.
    private static async Task CopyAsync(NpgsqlConnection connection, DemoPeople generator, Dictionary<string, int> byStatus, CancellationToken cancellationToken)
    {
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "People" ("Id", "LegalName", "PreferredName", "SearchName", "Email", "Phone", "CreatedAt") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var p in generator.All())
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(p.Id, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(p.LegalName, NpgsqlDbType.Varchar, cancellationToken);
                await WriteOrNullAsync(writer, p.PreferredName, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(p.SearchName, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(p.Email, NpgsqlDbType.Varchar, cancellationToken);
                await WriteOrNullAsync(writer, p.Phone, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(p.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "Credentials" ("Id", "PersonId", "ProgramId", "Number", "Status", "IssuedOn", "ExpiresOn", "EligibleSince", "Version", "RegistryChangedAt") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var p in generator.All())
            {
                Count(byStatus, p.Status);
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(p.CredentialId, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(p.Id, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(p.ProgramId, NpgsqlDbType.Integer, cancellationToken);
                await WriteOrNullAsync(writer, p.Number, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(p.Status.Name(), NpgsqlDbType.Varchar, cancellationToken);
                await WriteOrNullAsync(writer, p.IssuedOn, NpgsqlDbType.Date, cancellationToken);
                await WriteOrNullAsync(writer, p.ExpiresOn, NpgsqlDbType.Date, cancellationToken);
                await WriteOrNullAsync(writer, p.EligibleSince, NpgsqlDbType.Date, cancellationToken);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(p.ChangedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "CredentialStatusHistory" ("Id", "CredentialId", "To", "At", "ChangedBy", "Reason") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var p in generator.All())
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(p.HistoryId, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(p.CredentialId, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(p.Status.Name(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(p.ChangedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync("cli", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(DemoPeople.Reason, NpgsqlDbType.Varchar, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "RegistryNameKeys" ("PersonId", "Key") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var p in generator.All())
            {
                foreach (var k in p.Keys)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(p.Id, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(k, NpgsqlDbType.Text, cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        // Ids were given explicitly: the identity sequences continue after them.
        await using var sequences = new NpgsqlCommand(
            """
            SELECT setval(pg_get_serial_sequence('"People"', 'Id'), (SELECT MAX("Id") FROM "People"));
            SELECT setval(pg_get_serial_sequence('"Credentials"', 'Id'), (SELECT MAX("Id") FROM "Credentials"));
            SELECT setval(pg_get_serial_sequence('"CredentialStatusHistory"', 'Id'), (SELECT MAX("Id") FROM "CredentialStatusHistory"));
            ANALYZE "People"; ANALYZE "Credentials"; ANALYZE "RegistryNameKeys";
            """, connection);
        await sequences.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter writer, DateOnly? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is { } day ? writer.WriteAsync(day, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}
