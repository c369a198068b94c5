using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PeerEthics.Accounts;

namespace PeerEthics.Data;

// Used only by `dotnet ef migrations add`: one migrations folder per provider, and the same Identity
// model the app builds (the schema version comes from the Identity options).
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePeerEthicsDb>
{
    public SqlitePeerEthicsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePeerEthicsDb>().UseSqlite("Data Source=design-time.db").UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPeerEthicsDb>
{
    public PostgresPeerEthicsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPeerEthicsDb>().UseNpgsql("Host=127.0.0.1;Database=design_time").UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options);
}
