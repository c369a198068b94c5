using Microsoft.Data.Sqlite;

namespace PeerEthics.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives. <c>Database:Provider</c> is <c>Sqlite</c> (the embedded default) or <c>Postgres</c>;
/// <c>ConnectionStrings:PeerEthics</c> overrides the connection. Without one, SQLite uses
/// <c>peerethics.db</c> in the data directory: <c>PEERETHICS_DATA</c>, or a per-user folder.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerName = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerName}'; it must be 'Sqlite' or 'Postgres'.");
        }

        var dataDirectory = ResolveDataDirectory(configuration);
        var connectionString = configuration.GetConnectionString("PeerEthics");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    "Database:Provider is 'Postgres' but ConnectionStrings:PeerEthics is not set.");
            }

            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "peerethics.db"),
                Pooling = true,
            }.ToString();
        }

        return new DatabaseSettings(provider, connectionString, dataDirectory);
    }

    public static string ResolveDataDirectory(IConfiguration configuration)
    {
        var configured = configuration["PEERETHICS_DATA"] ?? Environment.GetEnvironmentVariable("PEERETHICS_DATA");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var perUser = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(perUser, "PeerEthics");
    }
}
