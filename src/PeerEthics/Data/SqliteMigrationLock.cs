using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PeerEthics.Data;

/// <summary>
/// Makes EF Core's migration lock on SQLite survive a killed process. EF Core's lock is a row in
/// <c>__EFMigrationsLock</c>, inserted before migrating (even when nothing is pending) and deleted after; a process
/// killed in between — <c>serve</c> migrates at every start — leaves the row behind, and every later start then waits
/// for it forever. So PeerEthics processes first take an <see cref="ExclusiveFileLock"/> on a file beside the database,
/// which the kernel releases when its holder dies however it dies. Whoever holds that lock knows no other PeerEthics process
/// is migrating, so an EF Core lock row found then was left by a dead one and is deleted.
/// </summary>
/// <remarks>
/// Another tool migrating the same file without this lock (<c>dotnet ef database update</c>) is not seen: its row would
/// be taken for a stale one. Migrate through <c>peerethics migrate</c>.
/// </remarks>
public static partial class SqliteMigrationLock
{
    public const string EfLockTable = "__EFMigrationsLock";

    /// <summary>How long a start waits for another process to finish migrating before it gives up with an error.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(2);

    /// <summary>The lock file of a SQLite connection string's database (beside it), or null for an in-memory database or a <c>file:</c> URI (not locked).</summary>
    public static string? LockFileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Path.GetFullPath(source) + ".migrate-lock";
    }

    /// <summary>Takes the lock of the database whose lock file is <paramref name="lockFile"/>, waiting while another process migrates.</summary>
    /// <exception cref="TimeoutException">Another process migrated for longer than <paramref name="wait"/>.</exception>
    public static Task<IDisposable> AcquireAsync(string lockFile, TimeSpan wait, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        ExclusiveFileLock.AcquireAsync(lockFile, wait,
            () =>
            {
                if (logger is not null)
                {
                    Waiting(logger, lockFile);
                }
            }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another PeerEthics process is migrating the database ({LockFile}); waiting for it.")]
    private static partial void Waiting(ILogger logger, string lockFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released a migration lock left in the database by a process that stopped while migrating.")]
    internal static partial void ReleasedStale(ILogger logger);

    /// <summary>
    /// Deletes EF Core's migration lock row, if any. Call only while holding <see cref="AcquireAsync"/>'s lock: then
    /// no live PeerEthics process is migrating and the row is a dead one's. True when a row was deleted.
    /// </summary>
    public static async Task<bool> ReleaseStaleAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{EfLockTable}'";
            if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                return false;
            }

            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"{EfLockTable}\"";
            return await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
