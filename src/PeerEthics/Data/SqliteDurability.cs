using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerEthics.Data;

/// <summary>
/// Every SQLite connection waits for the disk on commit (<c>synchronous=FULL</c>): what the app acknowledged
/// must survive a power cut. WAL mode itself is persistent and is set once, when migrating. The pragmas are
/// set once per physical connection; the connection pool hands the same one out again and again. Reads use a memory map.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    // Reads go through a memory map of the file (up to 1 GiB) rather than a read call and a copy per page: a registry
    // search touches a few hundred pages of a million-person database, and the copies were most of its cost.
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA mmap_size=1073741824;";

    private readonly ConditionalWeakTable<object, object> _prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The native handle outlives the SqliteConnection objects that borrow it from the pool.
    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _prepared.TryAdd(handle, handle);
}
