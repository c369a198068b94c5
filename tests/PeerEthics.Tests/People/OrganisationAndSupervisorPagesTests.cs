using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.People;

/// <summary>The staff pages for employers (/staff/organisations) and supervisors (/staff/supervisors).</summary>
public sealed class OrganisationAndSupervisorPagesTests
{
    [Theory, AllDatabases]
    public async Task A_supervisor_is_linked_to_their_account_on_a_page_an_unknown_email_is_refused_and_blank_unlinks(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        await app.CreateUserAsync("cleo.supervisor@example.org", Roles.Supervisor);
        int id;
        await using (var scope = app.Scope())
        {
            id = Assert.IsType<PeerEthics.People.Forms.Outcome<int>.Done>(await scope.ServiceProvider.GetRequiredService<PeerEthics.People.PeopleDirectory>()
                .AddSupervisorAsync("Cleo Supervisor", null, null, null)).Value;
        }

        var staff = app.CreateClientAs(Roles.Registrar);
        var url = $"/staff/supervisors/{id}/account";
        var unknown = await FormPost.PostForPageAsync(staff, url, FormPost.Fields(("userEmail", "nobody@example.org")));
        var unlinkedBefore = await AccountOfAsync(app, db => db.Supervisors.Where(s => s.Id == id).Select(s => s.UserId));
        var linked = await FormPost.PostAsync(staff, url, FormPost.Fields(("userEmail", "Cleo.Supervisor@example.org")));
        var list = await Html.GetAsync(staff, "/staff/supervisors?linked=true");
        var form = await Html.GetAsync(staff, url);
        var unlinked = await FormPost.PostAsync(staff, url, FormPost.Fields(("userEmail", "")));

        Assert.Contains("There is no account with the email address nobody@example.org.", unknown.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("value=\"nobody@example.org\"", unknown.Markup, StringComparison.Ordinal);
        Assert.Null(unlinkedBefore);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Contains("Cleo Supervisor", list.TextOf("supervisors"), StringComparison.Ordinal);
        Assert.Contains("cleo.supervisor@example.org Change for Cleo Supervisor", list.TextOf("supervisors"), StringComparison.Ordinal);
        Assert.Contains("The supervisor's account is changed.", list.TextOf("notice"), StringComparison.Ordinal);
        Assert.Contains("Now linked to cleo.supervisor@example.org.", form.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        Assert.Null(await AccountOfAsync(app, db => db.Supervisors.Where(s => s.Id == id).Select(s => s.UserId)));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/staff/supervisors/999999/account")).StatusCode);
    }

    [Theory, AllDatabases]
    public async Task An_employer_and_a_supervisor_added_on_their_pages_are_chosen_for_a_new_person(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var organisation = await FormPost.PostAsync(staff, "/staff/organisations", FormPost.Fields(
            ("name", "Harbor Peer Services"), ("email", "info@harbor.example.org"), ("phone", "")));
        Assert.Equal(HttpStatusCode.Redirect, organisation.StatusCode);
        var organisationId = await IdOfAsync(app, db => db.Organisations.Where(o => o.Name == "Harbor Peer Services").Select(o => o.Id));
        var supervisors = await Html.GetAsync(staff, "/staff/supervisors");
        Assert.Contains($"<option value=\"{organisationId}\">Harbor Peer Services</option>", supervisors.Markup, StringComparison.Ordinal);
        var supervisor = await FormPost.PostAsync(staff, "/staff/supervisors", FormPost.Fields(
            ("name", "Dana Supervisor"), ("email", ""), ("phone", "(617) 555-0100"), ("organisationId", Id(organisationId))));
        Assert.Equal(HttpStatusCode.Redirect, supervisor.StatusCode);
        var supervisorId = await IdOfAsync(app, db => db.Supervisors.Where(s => s.Name == "Dana Supervisor").Select(s => s.Id));

        var form = await Html.GetAsync(staff, "/staff/people/new");
        Assert.Contains($"<option value=\"{organisationId}\">Harbor Peer Services</option>", form.Markup, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{supervisorId}\">Dana Supervisor (Harbor Peer Services)</option>", form.Markup, StringComparison.Ordinal);
        var person = await FormPost.PostAsync(staff, "/staff/people/new", FormPost.Fields(
            ("legalName", "Pat Employed"), ("organisationId", Id(organisationId)), ("supervisorId", Id(supervisorId))));

        Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
        var record = (await Html.GetAsync(staff, person.Headers.Location!.ToString())).TextOf("person");
        Assert.Contains("Employer Harbor Peer Services", record, StringComparison.Ordinal);
        Assert.Contains("Supervisor Dana Supervisor", record, StringComparison.Ordinal);
        var employers = await Html.GetAsync(staff, "/staff/organisations?added=true");
        Assert.Contains("Harbor Peer Services info@harbor.example.org none 1", employers.TextOf("organisations"), StringComparison.Ordinal);
        Assert.Contains("The employer is added.", employers.TextOf("notice"), StringComparison.Ordinal);
        Assert.Contains("Dana Supervisor Harbor Peer Services none (617) 555-0100 1", (await Html.GetAsync(staff, "/staff/supervisors")).TextOf("supervisors"), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task An_employer_the_directory_refuses_comes_back_with_what_was_typed_and_nothing_saved(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPost.PostAsync(staff, "/staff/organisations", FormPost.Fields(("name", "Harbor Peer Services")))).StatusCode);

        var page = await FormPost.PostForPageAsync(staff, "/staff/organisations", FormPost.Fields(
            ("name", "Harbor Peer Services"), ("email", "harbor.example.org"), ("phone", "617 555 0199")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var summary = page.TextOf("error-summary");
        Assert.Contains("There is already an organisation called Harbor Peer Services.", summary, StringComparison.Ordinal);
        Assert.Contains("The email address must look like name@example.org.", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"#name\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"harbor.example.org\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"617 555 0199\"", page.Markup, StringComparison.Ordinal);
        Assert.StartsWith("Error:", Regex.Match(page.Markup, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Organisations.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task A_supervisor_with_mistakes_comes_back_with_each_field_named_and_nothing_saved(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var blank = await FormPost.PostForPageAsync(staff, "/staff/supervisors", FormPost.Fields(
            ("name", " "), ("email", "dana.example.org"), ("organisationId", "999")));
        // Only a changed page sends an employer that is not an id: it must not be taken as "none".
        var notAnId = await FormPost.PostForPageAsync(staff, "/staff/supervisors", FormPost.Fields(
            ("name", "Dana Supervisor"), ("organisationId", "Harbor")));

        var summary = blank.TextOf("error-summary");
        var name = summary.IndexOf("Enter the supervisor's name.", StringComparison.Ordinal);
        var email = summary.IndexOf("The email address must look like name@example.org.", StringComparison.Ordinal);
        var organisation = summary.IndexOf("Choose an organisation from the list, or none.", StringComparison.Ordinal);
        Assert.True(name >= 0 && email > name && organisation > email, summary);
        Assert.Contains("value=\"dana.example.org\"", blank.Markup, StringComparison.Ordinal);
        Assert.Contains("id=\"organisationId-error\"><span class=\"visually-hidden\">Error: </span>Choose an organisation from the list, or none.", notAnId.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"Dana Supervisor\"", notAnId.Markup, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Supervisors.CountAsync());
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> IdOfAsync(PeopleApp app, Func<PeerEthicsDb, IQueryable<int>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<PeerEthicsDb>()).SingleAsync();
    }

    private static async Task<string?> AccountOfAsync(PeopleApp app, Func<PeerEthicsDb, IQueryable<string?>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<PeerEthicsDb>()).SingleAsync();
    }
}
