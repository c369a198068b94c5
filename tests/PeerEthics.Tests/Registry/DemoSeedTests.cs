using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.Demo;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Programs;
using PeerEthics.Registry;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Registry;

/// <summary><c>demo seed</c>: realistic fake people, the same for the same seed, never silently mixed with real ones.</summary>
public sealed class DemoSeedTests
{
    private static async Task<Outcome<DemoSeedReport>> SeedAsync(RegistryApp app, int people, string? program = null, int seed = 1, bool force = false)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(people, program, seed, force);
    }

    private static async Task<List<string>> SnapshotAsync(RegistryApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        return await db.Credentials.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => c.Person.LegalName + "|" + c.Person.PreferredName + "|" + c.Program.Slug + "|" + c.Number + "|" + c.Status + "|" + c.ExpiresOn)
            .ToListAsync();
    }

    [Theory, AllDatabases]
    public async Task Seeding_adds_people_with_valid_numbers_varied_statuses_and_everything_the_registry_needs(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();

        var report = Assert.IsType<Outcome<DemoSeedReport>.Done>(await SeedAsync(app, 400, seed: 5)).Value;

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var people = await db.People.AsNoTracking().ToListAsync();
        var credentials = await db.Credentials.AsNoTracking().Include(c => c.Program).ToListAsync();
        var keys = await db.RegistryNameKeys.AsNoTracking().ToListAsync();
        var formats = (await scope.ServiceProvider.GetRequiredService<ProgramSettingsHistory>().ListAsync())
            .ToDictionary(p => p.Slug, p => CredentialNumberFormat.Parse(p.InForce!.NumberFormat)!);
        Assert.Equal(400, report.People);
        Assert.Equal(400, people.Count);
        Assert.Equal(400, credentials.Count);
        Assert.Equal(400, await db.CredentialStatusHistory.CountAsync());
        Assert.Equal(report.Listed, credentials.Count(c => RegistryStatuses.IsListed(c.Status)));
        Assert.True(report.ByStatus.Count >= 6, string.Join(", ", report.ByStatus.Keys));
        Assert.Equal(2, credentials.Select(c => c.Program.Slug).Distinct().Count());
        Assert.All(credentials.Where(c => RegistryStatuses.IsListed(c.Status)), c =>
        {
            Assert.True(formats[c.Program.Slug].Matches(c.Number), c.Number);
            Assert.NotNull(c.ExpiresOn);
        });
        Assert.All(credentials.Where(c => !RegistryStatuses.IsListed(c.Status)), c => Assert.Null(c.Number));
        Assert.All(credentials.Where(c => c.Status == CredentialStatus.Lapsed), c => Assert.True(c.ExpiresOn < new DateOnly(2026, 11, 23)));
        Assert.Contains(people, p => p.LegalName != NameSearch.Normalize(p.LegalName) && p.LegalName.Any(ch => ch > 127));
        Assert.All(people, p =>
        {
            Assert.Equal(NameSearch.KeyFor(p.LegalName, p.PreferredName), p.SearchName);
            Assert.Equal(RegistryKeys.For(p.LegalName, p.PreferredName).Order(StringComparer.Ordinal),
                keys.Where(k => k.PersonId == p.Id).Select(k => k.Key).Order(StringComparer.Ordinal));
            Assert.EndsWith("@example.invalid", p.Email, StringComparison.Ordinal);
        });
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "demo.seeded"));

        // Ids given explicitly: the next person added the ordinary way still gets a fresh id.
        var added = await app.AddPersonAsync("After Seeding");
        Assert.Equal(people.Max(p => p.Id) + 1, added);
    }

    [Theory, AllDatabases]
    public async Task The_same_seed_gives_the_same_people_and_another_seed_others(DatabaseProvider provider)
    {
        await using var first = new RegistryApp(provider).Started();
        await using var second = new RegistryApp(provider).Started();
        await using var third = new RegistryApp(provider).Started();

        await SeedAsync(first, 60, "missouri-cmps", seed: 42);
        await SeedAsync(second, 60, "missouri-cmps", seed: 42);
        await SeedAsync(third, 60, "missouri-cmps", seed: 43);

        var one = await SnapshotAsync(first);
        Assert.Equal(60, one.Count);
        Assert.All(one, row => Assert.Contains("|missouri-cmps|", row, StringComparison.Ordinal));
        Assert.Equal(one, await SnapshotAsync(second));
        Assert.NotEqual(one, await SnapshotAsync(third));
    }

    [Theory, AllDatabases]
    public async Task A_database_with_people_is_refused_unless_forced_and_forced_numbers_continue(DatabaseProvider provider)
    {
        await using var app = new RegistryApp(provider).Started();
        await app.ListedAsync("Real Person", "CPS-000007");

        var refused = Assert.IsType<Outcome<DemoSeedReport>.Refused>(await SeedAsync(app, 10, "massachusetts-cps"));
        var unknown = Assert.IsType<Outcome<DemoSeedReport>.Refused>(await SeedAsync(app, 0, "no-such-program", force: true));
        Assert.Single(await SnapshotAsync(app));

        Assert.IsType<Outcome<DemoSeedReport>.Done>(await SeedAsync(app, 30, "massachusetts-cps", force: true));

        Assert.Contains("already has 1 people", refused.Errors.For("force"), StringComparison.Ordinal);
        Assert.Contains("--force", refused.Errors.For("force"), StringComparison.Ordinal);
        Assert.Contains("from 1 to", unknown.Errors.For("people"), StringComparison.Ordinal);
        Assert.Contains("no program no-such-program", unknown.Errors.For("program"), StringComparison.Ordinal);
        var numbers = (await SnapshotAsync(app)).Select(r => r.Split('|')[3]).Where(n => n.Length > 0).Order(StringComparer.Ordinal).ToList();
        Assert.Equal("CPS-000007", numbers[0]);
        Assert.Equal("CPS-000008", numbers[1]);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Theory, AllDatabases]
    public async Task The_command_seeds_an_empty_database_and_refuses_a_second_run(DatabaseProvider provider)
    {
        await using var cli = await CliRunner.CreateAsync(provider);

        var seeded = await cli.RunAsync("demo", "seed", "--people", "25", "--seed", "3", "--format", "json");
        var again = await cli.RunAsync("demo", "seed", "--people", "25");
        var usage = await cli.RunAsync("demo", "seed");

        Assert.Equal(0, seeded.ExitCode);
        Assert.Equal(25, JsonDocument.Parse(seeded.Output).RootElement.GetProperty("people").GetInt32());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already has 25 people", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--people", usage.Error, StringComparison.Ordinal);
    }
}
