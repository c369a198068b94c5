using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using PeerEthics.Data;

namespace PeerEthics.Tests.Durability;

/// <summary>
/// EF Core's SQLite migration lock is a row that a process killed while migrating leaves behind; every later start then
/// waited for it forever (the crash test found it: <c>serve</c> migrates at every start). Now a stale row is released,
/// and a live migration in another process is still waited for.
/// </summary>
public sealed class SqliteMigrationLockTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("peerethics-migrate-").FullName;
    private IHost _host = null!;

    private string Database => Path.Combine(_directory, "peerethics.db");

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["PEERETHICS_DATA"] = _directory });
        // Every feature, as the command line builds them: the data model must be the app's whole model (EF Core caches
        // one per context type, so a smaller one built here would be used by every later test in this process).
        Program.AddFeatures(builder, new PeerEthics.Audit.AuditProcessActor("cli", "test"));
        _host = builder.Build();
        await _host.Services.MigrateAsync();
    }

    [Fact]
    public async Task A_lock_left_by_a_process_killed_while_migrating_is_released_and_migrating_finishes()
    {
        LeaveLockRow();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.Services.MigrateAsync(timeout.Token);

        Assert.Equal(0, LockRows());
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task A_process_migrating_now_is_waited_for_and_its_lock_is_not_taken()
    {
        LeaveLockRow();
        var migrating = ExclusiveFileLock.Acquire(SqliteMigrationLock.LockFileOf($"Data Source={Database}")!, TimeSpan.FromSeconds(5));

        var waiting = _host.Services.MigrateAsync();
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted, "migrating did not wait for the process holding the lock");
        Assert.Equal(1, LockRows());

        migrating.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, LockRows());
    }

    [Fact]
    public async Task Waiting_longer_than_allowed_fails_with_the_lock_file_named()
    {
        var lockFile = SqliteMigrationLock.LockFileOf($"Data Source={Database}")!;
        using var migrating = ExclusiveFileLock.Acquire(lockFile, TimeSpan.FromSeconds(5));

        var refused = await Assert.ThrowsAsync<TimeoutException>(() => SqliteMigrationLock.AcquireAsync(lockFile, TimeSpan.FromMilliseconds(300)));

        Assert.Contains(lockFile, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lock_file_sits_beside_the_database_and_an_in_memory_database_has_none()
    {
        Assert.Equal(Database + ".migrate-lock", SqliteMigrationLock.LockFileOf($"Data Source={Database}"));
        Assert.Null(SqliteMigrationLock.LockFileOf("Data Source=:memory:"));
        Assert.Null(SqliteMigrationLock.LockFileOf("Data Source=shared;Mode=Memory"));
    }

    // The row EF Core inserts before migrating and deletes after, as a killed process leaves it.
    private void LeaveLockRow() => Execute($"INSERT INTO \"{SqliteMigrationLock.EfLockTable}\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-23 09:00:00+00:00')");

    private long LockRows() => (long)Execute($"SELECT count(*) FROM \"{SqliteMigrationLock.EfLockTable}\"")!;

    private object? Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        Directory.Delete(_directory, recursive: true);
    }
}
