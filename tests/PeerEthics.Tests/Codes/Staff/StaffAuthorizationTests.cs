using System.Net;
using System.Net.Http.Json;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Codes.Staff;

/// <summary>
/// Who may use the staff pages for codes (registrars and administrators, with a second factor) and the audit
/// trail (administrators, with a second factor). Refused requests change nothing, so the apps are shared.
/// </summary>
[Collection(SharedAppsDefinition.Name)]
public sealed class StaffAuthorizationTests(SharedApps apps)
{
    public static IEnumerable<object[]> Refused(IEnumerable<string> urls, params (string Role, bool Mfa)[] principals) =>
        from provider in TestDatabases.Providers
        from url in urls
        from principal in principals
        select new object[] { provider, url, principal.Role, principal.Mfa };

    public static IEnumerable<object[]> RefusedCodeStaff => Refused(
        ["/staff/codes", "/staff/codes/new"],
        (Roles.Registrar, false), (Roles.Administrator, false), (Roles.PeerSpecialist, true), (Roles.EthicsReviewer, true), (Roles.Supervisor, true), (Roles.Trainee, true));

    public static IEnumerable<object[]> RefusedAudit => Refused(
        ["/admin/audit", "/admin/audit.csv", "/api/audit", "/api/audit/verify"],
        (Roles.Administrator, false), (Roles.Registrar, true), (Roles.EthicsReviewer, true), (Roles.PeerSpecialist, true));

    [Theory, MemberData(nameof(RefusedCodeStaff))]
    public async Task The_staff_code_pages_refuse_anyone_but_a_registrar_or_administrator_signed_in_with_a_second_factor(DatabaseProvider provider, string url, string role, bool mfa)
    {
        var response = await apps[provider].CreateClientAs(role, mfa).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(RefusedAudit))]
    public async Task The_audit_trail_refuses_anyone_but_an_administrator_signed_in_with_a_second_factor(DatabaseProvider provider, string url, string role, bool mfa)
    {
        var response = await apps[provider].CreateClientAs(role, mfa).GetAsync(url);

        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory, AllDatabases]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_api_clients_get_401(DatabaseProvider provider)
    {
        var anonymous = apps[provider].CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var url in (string[])["/staff/codes", "/staff/codes/new", "/admin/audit", "/admin/audit.csv"])
        {
            var page = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/sign-in", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/codes/missouri-cmps/versions", new { text = "x", effective = "2027-01-01" })).StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Publishing_through_the_api_is_refused_without_the_role_or_the_second_factor(DatabaseProvider provider)
    {
        var body = new { text = StaffForms.RevisedMissouri(), effective = "2027-01-01" };

        var noMfa = await apps[provider].CreateClientAs(Roles.Registrar, mfa: false).PostAsJsonAsync("/api/codes/missouri-cmps/versions", body);
        var specialist = await apps[provider].CreateClientAs(Roles.PeerSpecialist).PostAsJsonAsync("/api/codes/missouri-cmps/versions", body);

        Assert.Equal(HttpStatusCode.Forbidden, noMfa.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, specialist.StatusCode);
        var current = await apps[provider].CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/api/codes/missouri-cmps");
        Assert.Equal(1, current.GetProperty("version").GetInt32());
    }

    [Theory, AllDatabases]
    public async Task Registrars_and_administrators_with_a_second_factor_reach_the_staff_pages_and_only_administrators_the_audit_trail(DatabaseProvider provider)
    {
        var registrar = apps[provider].CreateClientAs(Roles.Registrar);
        var administrator = apps[provider].CreateClientAs(Roles.Administrator);

        foreach (var url in (string[])["/staff/codes", "/staff/codes/new"])
        {
            Assert.Equal(HttpStatusCode.OK, (await registrar.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/api/audit")).StatusCode);
        var staffNav = await (await registrar.GetAsync("/codes")).Content.ReadAsStringAsync();
        var publicNav = await (await apps[provider].CreateClient().GetAsync("/codes")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/staff/codes\"", staffNav, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/audit\"", staffNav, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/staff/codes\"", publicNav, StringComparison.Ordinal);
    }
}
