using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Codes;
using PeerEthics.Rules;
using PeerEthics.Programs;

namespace PeerEthics.Data;

public static class DataSetup
{
    /// <summary>
    /// Registers <see cref="PeerEthicsDb"/> on the configured provider. Settings are read when first needed,
    /// not now, so a host (or a test) can still change the configuration before the app is built.
    /// </summary>
    public static IHostApplicationBuilder AddPeerEthicsData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<AuditSealer>();
        services.AddSingleton<SqliteDurability>();
        services.AddSingleton<Registry.RegistryFreshness>();
        services.AddSingleton<Registry.RegistryStamper>();
        // Pooled factories (contexts are reset and reused, which matters on hot pages), configured lazily;
        // each request scope gets one context of the configured provider, disposed back into its pool.
        services.AddPooledDbContextFactory<SqlitePeerEthicsDb>((sp, options) =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            Directory.CreateDirectory(settings.DataDirectory);
            options.UseSqlite(settings.ConnectionString).AddInterceptors(
                sp.GetRequiredService<SqliteDurability>(), sp.GetRequiredService<AuditSealer>(), sp.GetRequiredService<Registry.RegistryStamper>());
        });
        services.AddPooledDbContextFactory<PostgresPeerEthicsDb>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<DatabaseSettings>().ConnectionString)
                .AddInterceptors(sp.GetRequiredService<AuditSealer>(), sp.GetRequiredService<Registry.RegistryStamper>()));
        services.AddScoped<PeerEthicsDb>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<IDbContextFactory<PostgresPeerEthicsDb>>().CreateDbContext(),
            _ => sp.GetRequiredService<IDbContextFactory<SqlitePeerEthicsDb>>().CreateDbContext(),
        });
        return builder;
    }

    /// <summary>Applies pending migrations. Deliberate: called by <c>migrate</c> and by <c>serve</c> on the embedded default.</summary>
    /// <remarks>
    /// On SQLite, processes take turns through <see cref="SqliteMigrationLock"/>, which also clears EF Core's lock row
    /// when a process killed while migrating left it (without that, every later start would wait for it forever).
    /// </remarks>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        if (!db.Database.IsSqlite())
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(SqliteMigrationLock));
        var lockFile = SqliteMigrationLock.LockFileOf(db.Database.GetConnectionString()!);
        using (lockFile is null ? null : await SqliteMigrationLock.AcquireAsync(lockFile, SqliteMigrationLock.DefaultWait, logger, cancellationToken))
        {
            if (lockFile is not null && await SqliteMigrationLock.ReleaseStaleAsync(db, cancellationToken) && logger is not null)
            {
                SqliteMigrationLock.ReleasedStale(logger);
            }

            await db.Database.MigrateAsync(cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// Readies the database for <c>serve</c> and the commands: the embedded default migrates itself so a
    /// fresh machine just works, while a PostgreSQL server is migrated deliberately with <c>peerethics
    /// migrate</c>. Then the shipped codes and their rule files load, idempotently.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await services.MigrateAsync(cancellationToken);
        }
        else
        {
            await using var scope = services.CreateAsyncScope();
            var pending = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Database.GetPendingMigrationsAsync(cancellationToken);
            if (pending.Any())
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL database has {pending.Count()} pending migration(s). Run `peerethics migrate` first.");
            }
        }

        await services.EnsureRolesAsync();
        await services.LoadShippedCodesAsync(cancellationToken);
        await services.LoadShippedRulesAsync(cancellationToken);
        await services.LoadShippedProgramSettingsAsync(cancellationToken);
    }
}
