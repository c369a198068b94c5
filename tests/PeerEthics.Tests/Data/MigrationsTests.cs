using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;

namespace PeerEthics.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqlitePeerEthicsDb(new DbContextOptionsBuilder<SqlitePeerEthicsDb>().UseSqlite("Data Source=:memory:").UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration <Name>.");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresPeerEthicsDb(new DbContextOptionsBuilder<PostgresPeerEthicsDb>().UseNpgsql("Host=127.0.0.1").UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration <Name>.");
    }
}
