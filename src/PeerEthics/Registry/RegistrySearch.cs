using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.People.Forms;

namespace PeerEthics.Registry;

/// <summary>
/// The public registry's questions: a name search (a prefix of any first, middle or last name, legal or preferred,
/// case-, accent- and apostrophe-insensitive; bounded pages) and a lookup by credential number. Both read through
/// indexes only: the name keys' primary key as a range, credentials by person and program, numbers by their
/// unique index.
/// </summary>
public sealed class RegistrySearch(PeerEthicsDb db, RegistryFreshness freshness)
{
    public const int PageSize = 20;

    /// <summary>Deeper than this, the search is too broad to page through: more letters narrow it.</summary>
    public const int MaxPage = 50;

    public const int MinQueryLength = 2;

    public const int MaxQueryLength = 100;

    /// <summary>The page asked for: 1 when none, 0 (refused by <see cref="Validate"/>) when not a whole number.</summary>
    public static int PageNumber(string? page) =>
        string.IsNullOrWhiteSpace(page) ? 1
        : int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;

    /// <summary>Checks the query and page, naming the field and the rule; null when they are fine.</summary>
    public static FieldErrors Validate(string? query, int page)
    {
        var errors = new FieldErrors();
        var key = NameSearch.Normalize(query);
        if (query is { Length: > MaxQueryLength })
        {
            errors.Add("q", $"The name can be at most {MaxQueryLength} characters long.");
        }
        else if (key.Length < MinQueryLength)
        {
            errors.Add("q", $"Enter at least {MinQueryLength} letters of a first or last name.");
        }

        if (page is < 1 or > MaxPage)
        {
            errors.Add("page", $"The page must be a number from 1 to {MaxPage}. To see fewer results, type more letters of the name.");
        }

        return errors;
    }

    public async Task<Outcome<RegistrySearchResult>> SearchAsync(string? query, int page, CancellationToken cancellationToken = default)
    {
        var errors = Validate(query, page);
        if (errors.Any)
        {
            return new Outcome<RegistrySearchResult>.Refused(errors);
        }

        var rows = await SearchRowsAsync(NameSearch.Normalize(query), page, cancellationToken);
        var lastUpdated = await LastUpdatedAsync(cancellationToken);
        return new Outcome<RegistrySearchResult>.Done(new RegistrySearchResult(
            query!.Trim(), page, PageSize, rows.Count > PageSize, lastUpdated, [.. rows.Take(PageSize).Select(r => r.ToEntry())]));
    }

    /// <summary>
    /// One page (and one row more, to know whether another follows) of listed credentials whose holder has a name key
    /// in [low, high): a range on the keys' primary key, read in its order, each person once (at their first key in the
    /// range), joined to their listed credentials by person.
    /// </summary>
    private static readonly Expression<Func<PeerEthicsDb, string, string, int, int, IQueryable<RegistryRow>>> Search =
        (db, low, high, skip, take) => db.RegistryNameKeys
            .Where(k => k.Key.CompareTo(low) >= 0 && k.Key.CompareTo(high) < 0)
            .Where(k => !db.RegistryNameKeys.Any(o => o.PersonId == k.PersonId && o.Key.CompareTo(low) >= 0 && o.Key.CompareTo(k.Key) < 0))
            .Join(db.Credentials.Where(RegistryStatuses.IsPublic), k => k.PersonId, c => c.PersonId, (k, c) => new { k.Key, k.PersonId, Credential = c })
            // Ordered as the key index is (key, person), then each person's credentials by program: no sort of the range.
            .OrderBy(x => x.Key).ThenBy(x => x.PersonId).ThenBy(x => x.Credential.ProgramId)
            .Skip(skip).Take(take)
            .Select(x => new RegistryRow(x.Credential.Number!, x.Credential.Person.PreferredName ?? x.Credential.Person.LegalName,
                x.Credential.Program.Name, x.Credential.Program.Slug, x.Credential.Status, x.Credential.ExpiresOn));

    // Compiled once per provider (each has its own model and SQL): a LINQ query this size otherwise costs more to look up
    // in EF's query cache, on every request, than SQLite takes to answer it.
    private static readonly Func<PeerEthicsDb, string, string, int, int, IAsyncEnumerable<RegistryRow>> SqliteSearch = EF.CompileAsyncQuery(Search);
    private static readonly Func<PeerEthicsDb, string, string, int, int, IAsyncEnumerable<RegistryRow>> PostgresSearch = EF.CompileAsyncQuery(Search);

    private Task<List<RegistryRow>> SearchRowsAsync(string key, int page, CancellationToken cancellationToken)
    {
        var (low, high) = RegistryKeys.RangeOf(key);
        var search = db is PostgresPeerEthicsDb ? PostgresSearch : SqliteSearch;
        return InTurnAsync(async () =>
        {
            var rows = new List<RegistryRow>(PageSize + 1);
            await foreach (var row in search(db, low, high, (page - 1) * PageSize, PageSize + 1).WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        }, cancellationToken);
    }

    /// <summary>
    /// SQLite answers inside this process, on the request's own thread, and a registry query is nearly all CPU: more
    /// of them at once than there are cores only makes each one slower, and the slowest much slower. So on SQLite at
    /// most one per core runs, the others wait their turn in order. (At 16 connections on 2 cores this took the search
    /// page's p99 from about 20 ms to 12–16 ms; bench/README.md.) PostgreSQL answers in its own processes, so its queries
    /// are not held back.
    /// </summary>
    private static readonly SemaphoreSlim SqliteTurns = new(Environment.ProcessorCount);

    private async Task<T> InTurnAsync<T>(Func<Task<T>> query, CancellationToken cancellationToken)
    {
        if (db is PostgresPeerEthicsDb)
        {
            return await query();
        }

        await SqliteTurns.WaitAsync(cancellationToken);
        try
        {
            return await query();
        }
        finally
        {
            SqliteTurns.Release();
        }
    }

    private static readonly Expression<Func<PeerEthicsDb, string, RegistryRow?>> Find = (db, number) => db.Credentials
        .Where(RegistryStatuses.IsPublic).Where(c => c.Number == number)
        .Select(c => new RegistryRow(c.Number!, c.Person.PreferredName ?? c.Person.LegalName, c.Program.Name, c.Program.Slug, c.Status, c.ExpiresOn))
        .FirstOrDefault();

    private static readonly Func<PeerEthicsDb, string, Task<RegistryRow?>> SqliteFind = EF.CompileAsyncQuery(Find);
    private static readonly Func<PeerEthicsDb, string, Task<RegistryRow?>> PostgresFind = EF.CompileAsyncQuery(Find);

    /// <summary>The search as a query, for the query-plan tests (the same expression the compiled search runs).</summary>
    internal IQueryable<RegistryRow> SearchQuery(string key, int page)
    {
        var (low, high) = RegistryKeys.RangeOf(key);
        return Search.Compile()(db, low, high, (page - 1) * PageSize, PageSize + 1);
    }

    /// <summary>The listed credential with this number (any case, spaces around ignored), or null.</summary>
    public async Task<RegistryEntry?> FindAsync(string? number, CancellationToken cancellationToken = default)
    {
        var wanted = number?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(wanted) || wanted.Length > Programs.CredentialNumberFormat.MaxLength)
        {
            return null;
        }

        var find = db is PostgresPeerEthicsDb ? PostgresFind : SqliteFind;
        var row = await InTurnAsync(() => find(db, wanted), cancellationToken);
        return row?.ToEntry();
    }

    /// <summary>
    /// The latest change to anything the registry shows (status, expiry, number or name of a listed credential): the
    /// newest listed credential by the change-time index, kept a few seconds by <see cref="RegistryFreshness"/>.
    /// </summary>
    public Task<DateTimeOffset?> LastUpdatedAsync(CancellationToken cancellationToken = default) =>
        freshness.GetAsync(() => db.Credentials.OrderByDescending(c => c.RegistryChangedAt).Where(RegistryStatuses.IsPublic)
            .Select(c => (DateTimeOffset?)c.RegistryChangedAt).FirstOrDefaultAsync(cancellationToken));
}

/// <summary>A listed credential as read, before it becomes a <see cref="RegistryEntry"/>.</summary>
internal sealed record RegistryRow(string Number, string Name, string Program, string ProgramSlug, CredentialStatus Status, DateOnly? ExpiresOn)
{
    public RegistryEntry ToEntry() => new(Number, Name, Program, ProgramSlug, Status.Name(), ExpiresOn, []);
}
