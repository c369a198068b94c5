using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;
using PeerEthics.Tests.Infrastructure;
using S = PeerEthics.People.CredentialStatus;

namespace PeerEthics.Tests.People;

/// <summary>Every one of the 64 (from, to) pairs of the eight statuses, allowed or refused.</summary>
public sealed class CredentialStateMachineTests
{
    /// <summary>The program's rules, written out independently of the implementation.</summary>
    private static readonly HashSet<(S, S)> Allowed =
    [
        (S.Applicant, S.Trainee), (S.Applicant, S.Relinquished),
        (S.Trainee, S.Certified), (S.Trainee, S.Relinquished), (S.Trainee, S.Revoked),
        (S.Certified, S.Inactive), (S.Certified, S.Lapsed), (S.Certified, S.Suspended), (S.Certified, S.Revoked), (S.Certified, S.Relinquished),
        (S.Inactive, S.Certified), (S.Inactive, S.Lapsed), (S.Inactive, S.Relinquished), (S.Inactive, S.Revoked),
        (S.Lapsed, S.Certified), (S.Lapsed, S.Relinquished), (S.Lapsed, S.Revoked),
        (S.Suspended, S.Certified), (S.Suspended, S.Revoked), (S.Suspended, S.Lapsed),
        (S.Relinquished, S.Applicant),
    ];

    public static TheoryData<S, S, bool> EveryPair()
    {
        var data = new TheoryData<S, S, bool>();
        foreach (var from in Enum.GetValues<S>())
        {
            foreach (var to in Enum.GetValues<S>())
            {
                data.Add(from, to, Allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Fact]
    public void There_are_eight_statuses_and_sixty_four_pairs() => Assert.Equal(64, EveryPair().Count);

    [Theory, MemberData(nameof(EveryPair))]
    public void A_status_change_is_allowed_only_if_the_program_allows_it(S from, S to, bool allowed)
    {
        Assert.Equal(allowed, CredentialStateMachine.CanChange(from, to));
        if (!allowed)
        {
            Assert.False(string.IsNullOrWhiteSpace(CredentialStateMachine.Refusal(from, to)));
        }
    }

    [Theory, AllDatabases]
    public async Task Every_pair_through_the_lifecycle_changes_the_record_only_when_allowed(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var programId = await db.Programs.Where(p => p.Slug == "massachusetts-cps").Select(p => p.Id).SingleAsync();

        foreach (var from in Enum.GetValues<S>())
        {
            foreach (var to in Enum.GetValues<S>())
            {
                // One credential per pair, set straight into the 'from' status (a fresh person each: one credential per program).
                var person = new Person { LegalName = $"Pair {from} {to}", SearchName = "pair", CreatedAt = app.Clock.GetUtcNow() };
                var credential = new Credential
                {
                    Person = person, ProgramId = programId, Status = from,
                    EligibleSince = new DateOnly(2026, 11, 1), IssuedOn = new DateOnly(2025, 1, 1), ExpiresOn = new DateOnly(2027, 1, 1),
                };
                db.Credentials.Add(credential);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();

                var outcome = await app.ChangeAsync(credential.PersonId, credential.Id, to);

                var stored = await db.Credentials.AsNoTracking().SingleAsync(c => c.Id == credential.Id);
                var history = await db.CredentialStatusHistory.CountAsync(h => h.CredentialId == credential.Id);
                if (Allowed.Contains((from, to)))
                {
                    Assert.True(outcome is Outcome<CredentialView>.Done, $"{from} -> {to} should be allowed");
                    Assert.Equal(to, stored.Status);
                    Assert.Equal(1, history);
                }
                else
                {
                    var refused = Assert.IsType<Outcome<CredentialView>.Refused>(outcome);
                    Assert.True(refused.Errors.Has("status"), $"{from} -> {to} should be refused on the status field");
                    Assert.Equal(from, stored.Status);
                    Assert.Equal(0, history);
                }
            }
        }

        Assert.Equal(Allowed.Count, await db.AuditEntries.CountAsync(e => e.Action == "credential.status-changed"));
    }
}
