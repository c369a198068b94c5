using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerEthics.Data;

/// <summary>
/// Every SQLite connection waits for the disk on commit (<c>synchronous=FULL</c>): what the app acknowledged
/// must survive a power cut. WAL mode itself is persistent and is set once, when migrating.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
