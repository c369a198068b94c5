using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.People;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.People;

/// <summary>The staff pages under /staff/people.</summary>
public sealed class PeoplePagesTests
{
    [Theory, AllDatabases]
    public async Task The_list_searches_by_name_and_links_each_person(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var id = await app.AddPersonAsync("Zoë Ångström");
        await app.AddPersonAsync("Other Person");
        var staff = app.CreateClientAs(Roles.Registrar);

        var page = await Html.GetAsync(staff, "/staff/people?q=ANGS");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"href=\"/staff/people/{id}\"", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Other Person", page.Text, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_new_person_with_a_bad_email_comes_back_with_what_was_typed_and_nothing_saved(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var page = await FormPost.PostForPageAsync(staff, "/staff/people/new", FormPost.Fields(
            ("legalName", "Quinn Typed"), ("preferredName", "Q"), ("email", "quinn.example.org"), ("postalAddress", "1 Main St\nBoston")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The email address must look like name@example.org.", page.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Contains("value=\"Quinn Typed\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"quinn.example.org\"", page.Markup, StringComparison.Ordinal);
        Assert.StartsWith("Error:", System.Text.RegularExpressions.Regex.Match(page.Markup, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().People.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task A_new_person_is_added_and_their_page_shows_them(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var staff = app.CreateClientAs(Roles.Registrar);

        var response = await FormPost.PostAsync(staff, "/staff/people/new", FormPost.Fields(
            ("legalName", "Rosa Parks-Lee"), ("preferredName", ""), ("email", "rosa@example.org"), ("organisationId", ""), ("supervisorId", "")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetAsync(staff, response.Headers.Location!.ToString());
        Assert.Contains("rosa@example.org", page.TextOf("person"), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Changing_a_status_needs_a_reason_and_then_shows_in_the_history(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var (personId, credential) = await app.CertifiedAsync("Sol Suspended");
        var staff = app.CreateClientAs(Roles.Registrar);
        var url = $"/staff/people/{personId}/credentials/{credential.Id}/status";

        var missing = await FormPost.PostForPageAsync(staff, url, FormPost.Fields(("status", "suspended"), ("reason", ""), ("version", credential.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var done = await FormPost.PostAsync(staff, url, FormPost.Fields(("status", "suspended"), ("reason", "Pending review of a concern"), ("version", credential.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Contains("Say why the status is changing", missing.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Matches("value=\"suspended\" checked=\"checked\"", missing.Markup);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var person = await Html.GetAsync(staff, $"/staff/people/{personId}");
        Assert.Equal("Suspended", person.TextOf($"status-{credential.Id}"));
        Assert.Contains("Certified → Suspended Pending review of a concern", person.TextOf($"history-{credential.Id}"), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Changing_a_persons_details_on_the_page_shows_them_and_the_audit_names_the_fields_not_the_values(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var id = await app.AddPersonAsync("Wren Moves", userEmail: null);
        int supervisorId;
        await using (var scope = app.Scope())
        {
            supervisorId = Assert.IsType<PeerEthics.People.Forms.Outcome<int>.Done>(await scope.ServiceProvider.GetRequiredService<PeopleDirectory>()
                .AddSupervisorAsync("Sage Supervisor", null, null, null)).Value;
        }

        var staff = app.CreateClientAs(Roles.Registrar);
        var form = await Html.GetAsync(staff, $"/staff/people/{id}/edit");
        await using (var scope = app.Scope())
        {
            // The form shows the whole record: opening it is a read, audited like the person's page.
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().AuditEntries.CountAsync(e => e.Action == "person.viewed" && e.Target == $"person:{id}"));
        }

        var response = await FormPost.PostAsync(staff, $"/staff/people/{id}/edit", FormPost.Fields(
            ("legalName", "Wren Moves"), ("preferredName", "Birdie"), ("email", ""), ("phone", "(617) 555-0100"), ("postalAddress", ""),
            ("organisationId", ""), ("supervisorId", supervisorId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("userEmail", "")));

        Assert.Contains("value=\"Wren Moves\"", form.Markup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetAsync(staff, response.Headers.Location!.ToString());
        Assert.Contains("The details are changed.", page.TextOf("notice"), StringComparison.Ordinal);
        Assert.Contains("Goes by Birdie.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Supervisor Sage Supervisor", page.TextOf("person"), StringComparison.Ordinal);
        Assert.Contains("(617) 555-0100", page.TextOf("person"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/people/{id}\"", (await Html.GetAsync(staff, "/staff/people?q=bird")).Markup, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
            var updated = await db.AuditEntries.SingleAsync(e => e.Action == "person.updated" && e.Target == $"person:{id}");
            Assert.Equal("preferred name, phone, supervisor", updated.Detail);
        }
    }

    [Theory, AllDatabases]
    public async Task Changed_details_with_mistakes_come_back_with_what_was_typed_and_nothing_changes(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var id = await app.AddPersonAsync("Xavi Stays", preferredName: "X");
        var staff = app.CreateClientAs(Roles.Registrar);

        var page = await FormPost.PostForPageAsync(staff, $"/staff/people/{id}/edit", FormPost.Fields(
            ("legalName", "  "), ("preferredName", "Xavier"), ("email", "xavi.example.org"), ("organisationId", "999999"), ("supervisorId", "")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var summary = page.TextOf("error-summary");
        Assert.Contains("Enter the person's legal name", summary, StringComparison.Ordinal);
        Assert.Contains("The email address must look like name@example.org.", summary, StringComparison.Ordinal);
        Assert.Contains("Choose an employer from the list, or none.", summary, StringComparison.Ordinal);
        Assert.Contains("value=\"Xavier\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Change the details of Xavi Stays", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/staff/people/999999/edit")).StatusCode);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        var person = await db.People.SingleAsync(p => p.Id == id);
        Assert.Equal(("Xavi Stays", "X", (string?)null), (person.LegalName, person.PreferredName, person.Email));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "person.updated"));
    }
}
