using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Web;

namespace PeerEthics.Audit.Pages;

/// <summary>
/// <c>/admin/audit</c>: the audit trail, newest first, filtered by time, actor, action, object and outcome, a page
/// at a time; the chain check on request; the same filter as CSV. A GET form: a filtered view is a link to keep.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AuditTrailModel(PeerEthicsDb db) : PageModel
{
    private static readonly string[] s_fieldOrder =
        [AuditFilter.FromField, AuditFilter.ToField, AuditFilter.ActorField, AuditFilter.ActionField, AuditFilter.TargetField, AuditFilter.OutcomeField];

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "actor")]
    public string? Actor { get; set; }

    [FromQuery(Name = "action")]
    public string? ActionName { get; set; }

    [FromQuery(Name = "target")]
    public string? Target { get; set; }

    [FromQuery(Name = "outcome")]
    public string? Outcome { get; set; }

    [FromQuery(Name = "before")]
    public long? Before { get; set; }

    [FromQuery(Name = "after")]
    public long? After { get; set; }

    [FromQuery(Name = "verify")]
    public bool Verify { get; set; }

    public AuditFilter Filter { get; private set; } = AuditFilter.None;

    public AuditPage? Results { get; private set; }

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public AuditVerification? Verification { get; private set; }

    public IReadOnlyList<FormError> Errors => ModelState.InOrder(s_fieldOrder);

    public bool Filtered => Filter.Given.Count > 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Only our own messages: the binder's (a cursor that is not a number) would not say what to do.
        ModelState.Clear();
        var errors = new Dictionary<string, string>();
        Filter = AuditFilter.Parse(From, To, Actor, ActionName, Target, Outcome, errors);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        Actions = await AuditQuery.ActionsAsync(db, cancellationToken);
        if (Verify)
        {
            Verification = await AuditVerifier.VerifyAsync(db, cancellationToken);
        }

        if (errors.Count == 0)
        {
            Results = await AuditQuery.PageAsync(db, Filter, Before, After, AuditQuery.DefaultPageSize, cancellationToken);
        }
    }

    /// <summary>This filter's address, with a cursor or a check added.</summary>
    public string Link(string path, params (string Key, string? Value)[] extra) => path + Filter.QueryString(extra);

    public static string Cursor(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>"23 November 2026, 09:00:00 UTC".</summary>
    public static string When(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMMM yyyy, HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
