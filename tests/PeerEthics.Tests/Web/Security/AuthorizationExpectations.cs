using PeerEthics.Accounts;

namespace PeerEthics.Tests.Web.Security;

/// <summary>
/// Who may use each endpoint that is not public: the table the authorization matrix checks the app against.
/// Public endpoints are not repeated here; their list is <c>Web/Security/PublicEndpoints.cs</c> in the app.
/// </summary>
/// <remarks>
/// A feature that adds a non-public page or endpoint adds one line here: its route template exactly as mapped
/// (as in <c>@page "..."</c> or <c>MapGet("...")</c>, group prefix included) and the <see cref="Access"/> it
/// should give, e.g.
/// <code>
/// new("/account/two-factor", Access.SignedIn),
/// new("/staff/codes/publish", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
/// new("/admin/audit", Access.StaffWithMfa(Roles.Administrator)),
/// new("/people/{id:guid}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator), new() { ["id"] = "…" }),
/// </code>
/// Route values are filled in by the matrix (int → 1, guid → a fixed guid, code → a shipped code…); give
/// <c>Values</c> only when a parameter needs a particular one. The page or endpoint itself must carry the
/// decision: <c>[Authorize(Policy = Policies.X)]</c> on the page model or <c>.RequireAuthorization(Policies.X)</c>
/// on the endpoint or its group. The matrix fails for an endpoint missing here, for a line that matches no
/// endpoint, and for every principal let through or refused against this table.
/// </remarks>
public static class AuthorizationExpectations
{
    public static readonly IReadOnlyList<Expectation> All =
    [
        // Accounts
        new("/account", Access.SignedIn),
        new("/account/sign-out", Access.SignedIn),
        new("/account/change-password", Access.SignedIn),
        new("/account/two-factor", Access.SignedIn),
        new("/account/recovery-codes", Access.SignedIn),
        new("/account/passkeys", Access.SignedIn),
        new("/account/passkey/creation-options", Access.SignedIn),
        new("/admin/users", Access.StaffWithMfa(Roles.Administrator, Roles.Registrar)),
        new("/admin/invitations", Access.StaffWithMfa(Roles.Administrator, Roles.Registrar)),
        new("/api/invitations", Access.StaffWithMfa(Roles.Administrator, Roles.Registrar)),

        // Programs, people, credentials, continuing education
        new("/staff/people", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/people/{id:int}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/people/new", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/people/{id:int}/edit", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/people/{id:int}/credentials/{credentialId:int}/status", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/programs", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/programs/{slug}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/ce", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/renewals", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/programs/{slug}/settings", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/{id:int}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/{id:int}/credentials", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/{id:int}/credentials/{credentialId:int}/status", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/organisations", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/supervisors", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/cohorts", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/cohorts/{id:int}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/cohorts/{id:int}/enrolments", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/cohorts/{id:int}/withdrawals", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/cohorts/{id:int}/complete", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/ce/pending", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/{id:int}/ce/{activityId:int}/decision", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/{id:int}/ce/{activityId:int}/evidence", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/renewals/pending", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/{id:int}/renewals/{applicationId:int}/decision", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/my", Access.SignedIn),
        new("/my/ce/new", Access.OwnRecordOnly),
        new("/my/credentials/{credentialId:int}/renewal", Access.OwnRecordOnly),
        new("/api/my", Access.OwnRecordOnly),
        new("/api/my/credentials/{credentialId:int}/ce", Access.OwnRecordOnly),
        new("/api/my/ce", Access.OwnRecordOnly),
        new("/api/my/ce/{activityId:int}/evidence", Access.OwnRecordOnly),
        new("/api/my/credentials/{credentialId:int}/renewal", Access.OwnRecordOnly),

        // Staff pages for codes, and the audit trail
        new("/staff/codes", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/codes/new", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/codes/drafts/{id:guid}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/codes/drafts/{id:guid}/discard", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/codes/{code}/versions", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/admin/audit", Access.StaffWithMfa(Roles.Administrator)),
        new("/admin/audit.csv", Access.StaffWithMfa(Roles.Administrator)),
        new("/api/audit", Access.StaffWithMfa(Roles.Administrator)),
        new("/api/audit/verify", Access.StaffWithMfa(Roles.Administrator)),

        // Rules
        new("/staff/rules/{code}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),

        // Training cohorts, employers and supervisors
        new("/staff/cohorts", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/cohorts/new", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/cohorts/{id:int}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/cohorts/{id:int}/complete", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/cohorts/{id:int}/withdraw/{personId:int}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/organisations", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/supervisors", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),

        // Disclosures: the person's own (object-level 404 for another's), a supervisor's queue (which disclosures:
        // their linked supervisor record; tested in Disclosures/), ethics staff; linking a supervisor to an account
        new("/my/disclosures", Access.OwnRecordOnly),
        new("/my/disclosures/new", Access.OwnRecordOnly),
        new("/my/disclosures/{id:int}", Access.OwnRecordOnly),
        new("/api/my/disclosures", Access.OwnRecordOnly),
        new("/api/my/disclosures/{id:int}", Access.OwnRecordOnly),
        new("/supervision/disclosures", Access.InRole(Roles.Supervisor)),
        new("/supervision/disclosures/{id:int}", Access.InRole(Roles.Supervisor)),
        new("/api/supervision/disclosures", Access.InRole(Roles.Supervisor)),
        new("/api/supervision/disclosures/{id:int}", Access.InRole(Roles.Supervisor)),
        new("/api/supervision/disclosures/{id:int}/decision", Access.InRole(Roles.Supervisor)),
        new("/ethics/disclosures", Access.StaffWithMfa(Roles.EthicsReviewer)),
        new("/ethics/disclosures/{id:int}", Access.StaffWithMfa(Roles.EthicsReviewer)),
        new("/api/ethics/disclosures", Access.StaffWithMfa(Roles.EthicsReviewer)),
        new("/api/ethics/disclosures/{id:int}", Access.StaffWithMfa(Roles.EthicsReviewer)),
        new("/api/ethics/disclosures/{id:int}/decision", Access.StaffWithMfa(Roles.EthicsReviewer)),
        new("/api/people/supervisors/{id:int}/account", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/supervisors/{id:int}/account", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),

        // Importing people
        new("/staff/people/import", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/people/import/{upload}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator), new() { ["upload"] = new string('0', 64) }),
        new("/api/people/import", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),

        // Commitments: signing the code (self-service), the pledge template, who in a cohort has not signed
        new("/my/commitments", Access.OwnRecordOnly),
        new("/my/commitments/sign", Access.OwnRecordOnly),
        new("/api/my/commitments", Access.OwnRecordOnly),
        new("/staff/programs/{slug}/pledge", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/people/cohorts/{id:int}/unsigned", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),

        // Re-commitment campaigns: the dashboard, its API and changing a deadline (staff)
        new("/staff/campaigns", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/staff/campaigns/{id:int}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/campaigns", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/campaigns/{id:int}", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
        new("/api/campaigns/{id:int}/deadline", Access.StaffWithMfa(Roles.Registrar, Roles.Administrator)),
    ];
}

/// <summary>One non-public route, who may use it, and any route values it needs to be reached.</summary>
public sealed record Expectation(string Route, Access Access, Dictionary<string, string>? Values = null)
{
    public bool Matches(string routeTemplate) =>
        string.Equals(Route.Trim('/'), routeTemplate.Trim('/'), StringComparison.OrdinalIgnoreCase);
}
