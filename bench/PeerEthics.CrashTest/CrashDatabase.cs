using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Codes;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PeerEthics.CrashTest;

/// <summary>A person the crash test signs for: a real account (password <see cref="CrashDatabase.Password"/>), a linked record, a trainee credential.</summary>
public sealed record CrashPerson(int PersonId, string Email, string LegalName);

/// <summary>
/// The app's own services on the database under test, in this process, for what happens while no server runs: preparing
/// it the way <c>serve</c> does, creating the signers, publishing a new code version between rounds, and reading what
/// was kept at the end.
/// </summary>
public sealed class CrashDatabase : IAsyncDisposable
{
    public const string Password = "crash test password, long enough";

    private readonly IHost _host;

    private CrashDatabase(IHost host) => _host = host;

    public static CrashDatabase Open(CrashOptions options, string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        var settings = new Dictionary<string, string?>
        {
            ["PEERETHICS_DATA"] = dataDirectory,
            ["Database:Provider"] = options.Provider.ToString(),
        };
        if (options.PostgresConnection is { } connection)
        {
            settings["ConnectionStrings:PeerEthics"] = connection;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        global::Program.AddFeatures(builder, new AuditProcessActor("cli", "crash-test"));
        return new CrashDatabase(builder.Build());
    }

    /// <summary>Migrates and loads the shipped codes, roles and settings, as <c>serve</c> does at its start.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await _host.Services.MigrateAsync(cancellationToken);
        await _host.Services.PrepareDatabaseAsync(cancellationToken);
        Release();
    }

    /// <summary><paramref name="count"/> trainees of <paramref name="program"/>, each with an account in the trainee role linked to their record.</summary>
    public async Task<IReadOnlyList<CrashPerson>> CreatePeopleAsync(int count, string program, CancellationToken cancellationToken)
    {
        var people = new List<CrashPerson>();
        for (var i = 0; i < count; i++)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var email = $"signer{i + 1}@crash-test.example.org";
            var legalName = $"Signer {Letters(i)} Crashtest";
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = legalName, CreatedAt = DateTimeOffset.UtcNow };
            Check(await users.CreateAsync(user, Password), $"account {email}");
            Check(await users.AddToRoleAsync(user, Roles.Trainee), $"role of {email}");
            var person = await services.GetRequiredService<PeopleDirectory>()
                .CreateAsync(new PersonInput(legalName, null, null, null, null, null, null, email), cancellationToken);
            var personId = person is Outcome<PersonView>.Done(var view) ? view.Id : throw new InvalidOperationException($"The record of {legalName} was refused: {person}.");
            var credential = await services.GetRequiredService<CredentialLifecycle>()
                .OpenAsync(personId, new CredentialInput(program, CredentialStatus.Trainee.Name(), null), cancellationToken);
            if (credential is not Outcome<CredentialView>.Done)
            {
                throw new InvalidOperationException($"The credential of {legalName} was refused: {credential}.");
            }

            people.Add(new CrashPerson(personId, email, legalName));
        }

        Release();
        return people;
    }

    /// <summary>
    /// Publishes a new version of the program's code in force from today (its text with one sentence added), so that
    /// everyone has a version to sign again. Returns the version number.
    /// </summary>
    public async Task<int> PublishNewVersionAsync(string program, int round, CancellationToken cancellationToken)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var code = await db.Programs.AsNoTracking().Where(p => p.Slug == program).Select(p => p.Code.Slug).SingleAsync(cancellationToken);
        var first = await db.CodeVersions.AsNoTracking().Where(v => v.Code.Slug == code).OrderBy(v => v.Number).Select(v => v.SourceText).FirstAsync(cancellationToken);
        var text = first.Replace("\n1. ", $"\nThis version was published by the crash test before its round {round}.\n\n1. ", StringComparison.Ordinal);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var outcome = await scope.ServiceProvider.GetRequiredService<CodePublisher>().PublishAsync(program, text, today, cancellationToken);
        Release();
        return outcome is PublishOutcome.Published(var version) ? version.Number : throw new InvalidOperationException($"Publishing a version for round {round} was refused: {outcome}.");
    }

    /// <summary>What the database holds: every ledger entry's commitment id and idempotency key, and every commitments row.</summary>
    public async Task<Kept> ReadKeptAsync(CancellationToken cancellationToken)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var entries = await db.LedgerEntries.AsNoTracking().Select(e => new { e.CommitmentId, e.IdempotencyKey }).ToListAsync(cancellationToken);
        var rows = await db.Commitments.AsNoTracking().Select(c => new { c.CommitmentId, c.PersonId, c.CodeVersionId }).ToListAsync(cancellationToken);
        var checkpoints = await db.LedgerCheckpoints.CountAsync(cancellationToken);
        Release();
        return new Kept(
            entries.ToDictionary(e => e.CommitmentId, e => e.IdempotencyKey ?? ""),
            rows.Select(r => r.CommitmentId).ToHashSet(),
            rows.GroupBy(r => (r.PersonId, r.CodeVersionId)).Count(g => g.Count() > 1),
            checkpoints);
    }

    // Between rounds the server opens the database: this process keeps no SQLite connection open meanwhile.
    private static void Release() => SqliteConnection.ClearAllPools();

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Creating the {what} failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>A name part from an index: A, B, … Z, Ba, Bb… (names are letters; digits would not be a name).</summary>
    private static string Letters(int index)
    {
        var text = "";
        do
        {
            text = (char)('a' + (index % 26)) + text;
            index /= 26;
        }
        while (index > 0);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}

/// <summary>What the database kept: ledger entries (commitment id → idempotency key), commitments rows, duplicate (person, version) pairs, checkpoints.</summary>
public sealed record Kept(IReadOnlyDictionary<string, string> LedgerEntries, IReadOnlySet<string> CommitmentRows, int DuplicateSignatures, int Checkpoints);
