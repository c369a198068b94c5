using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.People;

/// <summary><c>peerethics credentials lapse-overdue</c>, run as a real process.</summary>
public sealed class CredentialsCommandTests
{
    [Fact]
    public async Task Lapse_overdue_lapses_what_is_past_grace_and_says_why()
    {
        await using var cli = await CliRunner.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await cli.RunAsync("programs", "list")).ExitCode); // prepares the database as serve would
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var options = new DbContextOptionsBuilder<SqlitePeerEthicsDb>()
            .UseSqlite($"Data Source={Path.Combine(cli.DataDirectory, "peerethics.db")};Pooling=False")
            .UseApplicationServiceProvider(IdentitySettings.ModelServices()).Options;
        int overdue, inGrace;
        await using (var db = new SqlitePeerEthicsDb(options))
        {
            var programId = await db.Programs.Where(p => p.Slug == "massachusetts-cps").Select(p => p.Id).SingleAsync();
            Credential Certified(string name, int expiredDaysAgo) => new()
            {
                Person = new Person { LegalName = name, SearchName = name.ToLowerInvariant() }, ProgramId = programId, Status = CredentialStatus.Certified,
                Number = $"CPS-00000{expiredDaysAgo % 10}", IssuedOn = today.AddMonths(-24).AddDays(-expiredDaysAgo), ExpiresOn = today.AddDays(-expiredDaysAgo),
            };
            var a = Certified("Overdue One", 91);
            var b = Certified("In Grace", 90);
            db.Credentials.AddRange(a, b);
            await db.SaveChangesAsync();
            (overdue, inGrace) = (a.Id, b.Id);
        }

        var result = await cli.RunAsync("credentials", "lapse-overdue", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var lapsed = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(overdue, lapsed.GetProperty("credentialId").GetInt32());
        Assert.StartsWith("Not renewed: the certification expired on", lapsed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await using (var db = new SqlitePeerEthicsDb(options))
        {
            Assert.Equal(CredentialStatus.Lapsed, (await db.Credentials.SingleAsync(c => c.Id == overdue)).Status);
            Assert.Equal(CredentialStatus.Certified, (await db.Credentials.SingleAsync(c => c.Id == inGrace)).Status);
            Assert.Equal("cli", (await db.CredentialStatusHistory.SingleAsync(h => h.CredentialId == overdue)).ChangedBy);
        }
    }
}
