using System.Globalization;
using System.Text;
using PeerEthics.People;
using PeerEthics.Programs;
using PeerEthics.Registry;

namespace PeerEthics.Demo;

/// <summary>One generated person with their one credential, its first status and their registry keys.</summary>
internal sealed record DemoPerson(
    int Id, string LegalName, string? PreferredName, string SearchName, string Email, string? Phone, DateTimeOffset CreatedAt,
    int CredentialId, int ProgramId, string? Number, CredentialStatus Status, DateOnly? IssuedOn, DateOnly? ExpiresOn,
    DateOnly? EligibleSince, DateTimeOffset ChangedAt, long HistoryId, IReadOnlyList<string> Keys);

/// <summary>A program demo people are spread over, with where its numbering continues.</summary>
internal sealed record DemoProgram(int Id, string Slug, CredentialNumberFormat Format, long NextSequence, ProgramSettingsView Settings);

/// <summary>
/// The demo people, generated from a seed: the same seed, programs, starting ids and day give the same people, so a
/// bulk loader can walk them once per table (PostgreSQL's COPY writes one table at a time) without keeping a million
/// in memory.
/// </summary>
internal sealed class DemoPeople(int count, int seed, IReadOnlyList<DemoProgram> programs, int firstPersonId, int firstCredentialId, long firstHistoryId, DateTimeOffset now)
{
    // Out of 100: most listed credentials are current; some lapsed; a few inactive, suspended, revoked, given up;
    // a quarter are not certified yet (not listed).
    private static readonly (CredentialStatus Status, int Weight)[] Statuses =
    [
        (CredentialStatus.Certified, 52), (CredentialStatus.Inactive, 5), (CredentialStatus.Lapsed, 12), (CredentialStatus.Suspended, 1),
        (CredentialStatus.Revoked, 1), (CredentialStatus.Relinquished, 4), (CredentialStatus.Trainee, 15), (CredentialStatus.Applicant, 10),
    ];

    public const string Reason = "Demo data (peerethics demo seed).";

    public IEnumerable<DemoPerson> All()
    {
        var random = new Random(seed);
        var sequences = programs.Select(p => p.NextSequence).ToArray();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var i = 0; i < count; i++)
        {
            var given = Pick(random, DemoNames.Given);
            var family = Pick(random, DemoNames.Family);
            var middle = random.Next(100) < 25 ? Pick(random, DemoNames.Given) : null;
            var legal = middle is null ? $"{given} {family}" : $"{given} {middle} {family}";
            var preferred = random.Next(100) < 10 ? $"{Pick(random, DemoNames.Preferred)} {family}" : null;
            var id = firstPersonId + i;
            var email = $"{Ascii(given)}.{Ascii(family)}.{id}@example.invalid";
            var phone = random.Next(100) < 60 ? string.Create(CultureInfo.InvariantCulture, $"({200 + random.Next(800)}) 555-01{random.Next(100):00}") : null;

            var p = random.Next(programs.Count);
            var program = programs[p];
            var status = PickStatus(random);
            var settings = program.Settings;
            string? number = null;
            DateOnly? issued = null, expires = null, eligible = null;
            DateOnly changedOn;
            if (status is CredentialStatus.Applicant)
            {
                changedOn = today.AddDays(-random.Next(1, 200));
            }
            else if (status is CredentialStatus.Trainee)
            {
                changedOn = today.AddDays(-random.Next(1, 300));
                eligible = random.Next(100) < 30 ? changedOn.AddDays(random.Next(0, 60)) : null;
                if (eligible > today)
                {
                    eligible = today;
                }
            }
            else
            {
                if (sequences[p] > program.Format.Capacity)
                {
                    throw new InvalidOperationException($"The number format {program.Format.Template} of {program.Slug} has no numbers left.");
                }

                number = program.Format.Format(sequences[p]++);
                // Lapsed credentials expired before the grace period; current ones run until a day in the coming cycle.
                var cycleDays = settings.RenewalCycleMonths * 30;
                issued = status switch
                {
                    CredentialStatus.Lapsed => today.AddDays(-cycleDays - settings.GracePeriodDays - random.Next(1, 1500)),
                    CredentialStatus.Revoked or CredentialStatus.Relinquished => today.AddDays(-random.Next(30, 3000)),
                    _ => today.AddDays(-random.Next(0, cycleDays)),
                };
                expires = settings.ExpiryFor(issued.Value);
                eligible = issued.Value.AddDays(-random.Next(10, 120));
                changedOn = status switch
                {
                    CredentialStatus.Lapsed => expires.Value.AddDays(settings.GracePeriodDays + 1),
                    CredentialStatus.Certified => issued.Value,
                    _ => Min(today, issued.Value.AddDays(random.Next(0, 700))),
                };
            }

            if (changedOn > today)
            {
                changedOn = today;
            }

            var changedAt = new DateTimeOffset(changedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)).AddMinutes(random.Next(0, 8 * 60));
            if (changedAt > now)
            {
                changedAt = now;
            }

            var createdAt = changedAt.AddDays(-random.Next(0, 400));
            yield return new DemoPerson(
                id, legal, preferred, NameSearch.KeyFor(legal, preferred), email, phone, createdAt,
                firstCredentialId + i, program.Id, number, status, issued, expires, eligible, changedAt, firstHistoryId + i,
                RegistryKeys.For(legal, preferred));
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Pick(Random random, string[] names) => names[random.Next(names.Length)];

    private static CredentialStatus PickStatus(Random random)
    {
        var roll = random.Next(100);
        foreach (var (status, weight) in Statuses)
        {
            if (roll < weight)
            {
                return status;
            }

            roll -= weight;
        }

        return CredentialStatus.Certified;
    }

    /// <summary>A name as the local part of an email address: a-z only.</summary>
    private static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in NameSearch.Normalize(name))
        {
            if (char.IsAsciiLetterLower(c))
            {
                builder.Append(c);
            }
        }

        return builder.Length == 0 ? "person" : builder.ToString();
    }
}
