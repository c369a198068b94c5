using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PeerEthics.Data;

namespace PeerEthics.Audit;

/// <summary>
/// Which audit entries to show or export: a time range, who acted, what they did, to what, and how it ended.
/// The page, the API, the CSV export and <c>audit export</c> read the same fields with the same rules.
/// </summary>
public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? Before, string? Actor, string? Action, string? Target, string? Outcome)
{
    public const string FromField = "from";
    public const string ToField = "to";
    public const string ActorField = "actor";
    public const string ActionField = "action";
    public const string TargetField = "target";
    public const string OutcomeField = "outcome";

    public static readonly IReadOnlyList<string> Outcomes = [AuditOutcome.Success, AuditOutcome.Failure, AuditOutcome.Denied];

    /// <summary>The fields as given (for links and for re-showing the form), whatever they came to.</summary>
    public IReadOnlyDictionary<string, string> Given { get; init; } = new Dictionary<string, string>();

    public static readonly AuditFilter None = new(null, null, null, null, null, null);

    /// <summary>
    /// Reads the fields. <paramref name="from"/> and <paramref name="to"/> are days (yyyy-mm-dd, whole days in
    /// UTC, both included) or moments (ISO 8601 with a time zone, e.g. 2026-11-23T09:00:00Z). An action ending in
    /// <c>.*</c> matches every action under it (<c>code.*</c>); a target matches itself and what it begins
    /// (<c>code:massachusetts-cps</c> matches each version); the actor matches an account id exactly or part of a
    /// name, in any case. Each field that is wrong adds an error naming it and its rule.
    /// </summary>
    public static AuditFilter Parse(string? from, string? to, string? actor, string? action, string? target, string? outcome, IDictionary<string, string> errors)
    {
        var given = new Dictionary<string, string>();
        void Keep(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                given[field] = value.Trim();
            }
        }

        Keep(FromField, from);
        Keep(ToField, to);
        Keep(ActorField, actor);
        Keep(ActionField, action);
        Keep(TargetField, target);
        Keep(OutcomeField, outcome);

        var start = Moment(FromField, "From", from, endOfDay: false, errors);
        var end = Moment(ToField, "To", to, endOfDay: true, errors);
        if (start is not null && end is not null && end <= start)
        {
            errors[ToField] = "To must be on or after From: the time range is empty.";
        }

        var outcomeValue = Clean(outcome)?.ToLowerInvariant();
        if (outcomeValue is not null && !Outcomes.Contains(outcomeValue))
        {
            errors[OutcomeField] = $"Outcome must be one of {string.Join(", ", Outcomes)}, not '{outcome!.Trim()}'.";
        }

        foreach (var (field, name, value) in (ReadOnlySpan<(string, string, string?)>)[(ActorField, "Actor", actor), (ActionField, "Action", action), (TargetField, "Object", target)])
        {
            if (value is { Length: > 320 })
            {
                errors[field] = $"{name} can be at most 320 characters.";
            }
        }

        return new AuditFilter(start, end, Clean(actor), Clean(action), Clean(target), outcomeValue) { Given = given };
    }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (Before is { } before)
        {
            entries = entries.Where(e => e.At < before);
        }

        if (Actor is { } actor)
        {
            var lower = actor.ToLowerInvariant();
            // Translated to SQL lower() on both databases: the analyzers' culture advice is for code run in .NET.
#pragma warning disable CA1304, CA1311, CA1862
            entries = entries.Where(e => e.Actor == actor || (e.ActorName != null && e.ActorName.ToLower().Contains(lower)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (Action is { } action)
        {
            if (action.EndsWith(".*", StringComparison.Ordinal))
            {
                var prefix = action[..^1];
                entries = entries.Where(e => e.Action.StartsWith(prefix));
            }
            else
            {
                entries = entries.Where(e => e.Action == action);
            }
        }

        if (Target is { } target)
        {
            entries = entries.Where(e => e.Target.StartsWith(target));
        }

        if (Outcome is { } outcome)
        {
            entries = entries.Where(e => e.Outcome == outcome);
        }

        return entries;
    }

    /// <summary>The query string of this filter (with a leading '?' when there is one), for links that keep it.</summary>
    public string QueryString(params (string Key, string? Value)[] extra)
    {
        var query = new StringBuilder();
        foreach (var (key, value) in Given.Select(g => (g.Key, (string?)g.Value)).Concat(extra))
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return query.ToString();
    }

    /// <summary>The filter in words, for the audit entry an export leaves.</summary>
    public string Describe() =>
        Given.Count == 0 ? "everything" : string.Join(", ", Given.Select(g => $"{g.Key} {g.Value}"));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? Moment(string field, string name, string? value, bool endOfDay, IDictionary<string, string> errors)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1) : midnight;
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            // A moment given as "to" is included: the range ends a microsecond after it (entries keep whole
            // microseconds, and PostgreSQL compares no finer).
            return endOfDay ? moment.ToUniversalTime().AddMicroseconds(1) : moment.ToUniversalTime();
        }

        errors[field] = $"{name} must be a date in the form yyyy-mm-dd (for example 2026-11-01) or a time such as 2026-11-01T09:30:00Z, not '{text}'.";
        return null;
    }
}

/// <summary>One page of entries, newest first, and the cursors of the pages on either side (null at either end).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? OlderThan, long? NewerThan);

/// <summary>Reads the audit trail by filter: a page at a time (keyset on the sequence), or all of it as a stream.</summary>
public static class AuditQuery
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    /// <summary>
    /// A page newest first. <paramref name="before"/>: entries numbered below it (the next, older page);
    /// <paramref name="after"/>: entries numbered above it (the previous, newer page). The sequence is unique and
    /// never reused, so pages are stable while new entries arrive.
    /// </summary>
    public static async Task<AuditPage> PageAsync(PeerEthicsDb db, AuditFilter filter, long? before, long? after, int size, CancellationToken cancellationToken = default)
    {
        var matching = filter.Apply(db.AuditEntries.AsNoTracking());
        List<AuditEntry> entries;
        if (after is { } newerThan && before is null)
        {
            var newer = await matching.Where(e => e.Sequence > newerThan).OrderBy(e => e.Sequence).Take(size + 1).ToListAsync(cancellationToken);
            entries = [.. newer.Take(size).Reverse()];
            var morePages = newer.Count > size;
            return new AuditPage(entries, await OlderCursorAsync(), morePages ? entries[0].Sequence : null);
        }

        var older = before is { } olderThan ? matching.Where(e => e.Sequence < olderThan) : matching;
        var page = await older.OrderByDescending(e => e.Sequence).Take(size + 1).ToListAsync(cancellationToken);
        entries = [.. page.Take(size)];
        return new AuditPage(entries, page.Count > size ? entries[^1].Sequence : null, before is null ? null : await NewerCursorAsync());

        async Task<long?> OlderCursorAsync()
        {
            if (entries.Count == 0)
            {
                return null;
            }

            var oldest = entries[^1].Sequence;
            return await matching.AnyAsync(e => e.Sequence < oldest, cancellationToken) ? oldest : null;
        }

        async Task<long?> NewerCursorAsync()
        {
            if (entries.Count == 0)
            {
                return null;
            }

            var newest = entries[0].Sequence;
            return await matching.AnyAsync(e => e.Sequence > newest, cancellationToken) ? newest : null;
        }
    }

    /// <summary>Every matching entry in the order of the chain, read as it is written out.</summary>
    public static IAsyncEnumerable<AuditEntry> StreamAsync(PeerEthicsDb db, AuditFilter filter) =>
        filter.Apply(db.AuditEntries.AsNoTracking()).OrderBy(e => e.Sequence).AsAsyncEnumerable();

    /// <summary>The actions recorded so far, for the page's list to choose from.</summary>
    public static async Task<IReadOnlyList<string>> ActionsAsync(PeerEthicsDb db, CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
}
