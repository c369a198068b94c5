using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerEthics.Accounts;
using PeerEthics.Data;

namespace PeerEthics.Audit;

/// <summary>An audit entry as the API gives it.</summary>
public sealed record AuditEntryJson(long Sequence, DateTimeOffset At, string Actor, string? ActorName, string Action, string Target, string Outcome, string? Detail, string PreviousHash, string Hash)
{
    public static AuditEntryJson From(AuditEntry e) => new(e.Sequence, e.At, e.Actor, e.ActorName, e.Action, e.Target, e.Outcome, e.Detail, e.PreviousHash, e.Hash);
}

/// <summary>A page of the audit trail, newest first; <see cref="Next"/> is the address of the next, older page.</summary>
public sealed record AuditPageJson(IReadOnlyList<AuditEntryJson> Entries, string? Next);

/// <summary>
/// The audit trail for administrators: <c>GET /api/audit</c> (filtered, a page at a time), <c>GET /api/audit/verify</c>,
/// and <c>GET /admin/audit.csv</c> (the current filter, streamed as CSV).
/// </summary>
public static class AuditApi
{
    public const string Exported = "audit.exported";

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").RequireAuthorization(Policies.Administer).WithTags("Audit");
        api.MapGet("", ListEntries)
            .WithSummary("Audit entries, newest first, filtered; a page at a time.")
            .WithDescription("Administrators, signed in with a second factor. Filters: from, to (yyyy-mm-dd, whole days in UTC, or ISO 8601 times), "
                + "actor (account id, or part of a name), action (exact, or a prefix such as code.*), target (the object, or its beginning), "
                + "outcome (success, failure, denied). Paging: before (a sequence number; use the 'next' address), limit (1–500, default 50).");
        api.MapGet("/verify", Verify).WithSummary("Check every entry against the hash chain; names the first that does not match.");

        app.MapGet("/admin/audit.csv", ExportCsv)
            .RequireAuthorization(Policies.Administer)
            .WithTags("Audit")
            .WithSummary("The audit entries of a filter as CSV, oldest first (the same filters as /api/audit).");
        return app;
    }

    private static async Task<Results<Ok<AuditPageJson>, ValidationProblem>> ListEntries(
        HttpRequest request, string? from, string? to, string? actor, string? action, string? target, string? outcome, long? before, int? limit,
        PeerEthicsDb db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var filter = AuditFilter.Parse(from, to, actor, action, target, outcome, errors);
        if (limit is < 1 or > AuditQuery.MaxPageSize)
        {
            errors["limit"] = string.Create(CultureInfo.InvariantCulture, $"limit must be between 1 and {AuditQuery.MaxPageSize}.");
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        var size = limit ?? AuditQuery.DefaultPageSize;
        var page = await AuditQuery.PageAsync(db, filter, before, null, size, cancellationToken);
        var next = page.OlderThan is { } older
            ? request.Path + filter.QueryString(("before", older.ToString(CultureInfo.InvariantCulture)), ("limit", limit?.ToString(CultureInfo.InvariantCulture)))
            : null;
        return TypedResults.Ok(new AuditPageJson([.. page.Entries.Select(AuditEntryJson.From)], next));
    }

    private static async Task<Ok<AuditVerification>> Verify(PeerEthicsDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditVerifier.VerifyAsync(db, cancellationToken));

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportCsv(
        string? from, string? to, string? actor, string? action, string? target, string? outcome,
        PeerEthicsDb db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var filter = AuditFilter.Parse(from, to, actor, action, target, outcome, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        // The export is itself a sensitive read: it leaves a trace before the first row goes out.
        await audit.RecordNowAsync(Exported, "audit", detail: $"csv: {filter.Describe()}", cancellationToken: cancellationToken);
        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, AuditCsv.Utf8, bufferSize: 16 * 1024, leaveOpen: true);
                await AuditCsv.WriteAsync(writer, AuditQuery.StreamAsync(db, filter), cancellationToken);
            },
            "text/csv; charset=utf-8",
            AuditCsv.FileName(clock.GetUtcNow()));
    }
}
