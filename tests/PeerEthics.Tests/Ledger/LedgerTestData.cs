using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.Ledger;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Ledger;

/// <summary>Commitments to real code versions, appended the way the signing flow will append them.</summary>
public static class LedgerTestData
{
    public static Task<CommitmentRecord> RecordAsync(PeerEthicsAppFactory app, string name = "Jane Doe", string code = Seeds.Massachusetts) =>
        RecordAsync(app.Services, app.Clock, name, code);

    public static async Task<CommitmentRecord> RecordAsync(IServiceProvider services, TimeProvider clock, string name = "Jane Doe", string code = Seeds.Massachusetts)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var version = await db.CodeVersions.AsNoTracking().Where(v => v.Code.Slug == code).OrderBy(v => v.Number).Select(v => new { v.Number, v.ContentHash }).FirstAsync();
        return new CommitmentRecord(
            CommitmentRecord.NewId(), $"person-{Guid.NewGuid():N}", code, "cohort:2027-spring", code, version.Number, version.ContentHash,
            $"I {name} fully understand the Code of Ethics and commit myself to carrying out the fourteen principles listed above.",
            name, clock.GetUtcNow(), "password", "Mozilla/5.0 (X11; Linux x86_64) Test");
    }

    public static async Task<LedgerAppend> AppendAsync(PeerEthicsAppFactory app, CommitmentRecord record, string? idempotencyKey = null)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<CommitmentLedger>().AppendAsync(record, idempotencyKey ?? $"key-{record.CommitmentId}");
    }

    /// <summary>An app whose ledger holds <paramref name="count"/> commitments, named Person 1, Person 2…</summary>
    public static async Task<(PeerEthicsAppFactory App, List<LedgerAppend> Appends)> AppWithCommitmentsAsync(DatabaseProvider provider, int count)
    {
        var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        var appends = new List<LedgerAppend>();
        for (var i = 1; i <= count; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            appends.Add(await AppendAsync(app, await RecordAsync(app, $"Person {i}")));
        }

        return (app, appends);
    }

    public static LedgerPublicKey PublicKey(PeerEthicsAppFactory app) => app.Services.GetRequiredService<LedgerSigningKey>().Public;
}
