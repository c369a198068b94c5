using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.ContinuingEducation;

/// <summary>/my and /api/my show a person their own record and nobody else's: every {id} route answers 404 for another person's.</summary>
public sealed class SelfServiceTests
{
    [Theory, AllDatabases]
    public async Task Every_id_route_answers_404_for_another_persons_record(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var me = await app.CertifiedSpecialistAsync("Hope Mine");
        var other = await app.CertifiedSpecialistAsync("Ira Theirs");
        var theirActivity = await other.Client.PostAsJsonAsync("/api/my/ce", new { credentialId = other.Credential.Id, title = "T", provider = "P", completedOn = "2026-11-23", hours = 1, ethicsHours = 0 });
        var activityId = (await theirActivity.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        var theirs = other.Credential.Id;

        var routes = new (string Method, string Path)[]
        {
            ("GET", $"/api/my/credentials/{theirs}/ce"),
            ("GET", $"/api/my/ce/{activityId}/evidence"),
            ("GET", $"/api/my/credentials/{theirs}/renewal"),
            ("POST", $"/api/my/credentials/{theirs}/renewal"),
            ("GET", $"/my/credentials/{theirs}/renewal"),
        };
        foreach (var (method, path) in routes)
        {
            var response = await me.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {response.StatusCode}");
            var own = await other.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
            Assert.True(method == "POST" || path.Contains("evidence", StringComparison.Ordinal) || own.StatusCode == HttpStatusCode.OK, $"the owner's GET {path} answered {own.StatusCode}");
        }

        // The page's POST, with a valid antiforgery token (from a page of the caller's own with a form).
        var post = await FormPost.PostAsync(me.Client, "/my/ce/new", [], postUrl: $"/my/credentials/{theirs}/renewal");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        var mine = await Html.GetAsync(me.Client, "/my");
        Assert.Contains("Hope Mine", mine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ira Theirs", mine.Text, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().RenewalApplications.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task An_account_without_a_linked_record_is_told_so_and_kept_out_of_the_self_service_api(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var user = await app.CreateUserAsync("unlinked@example.org", Roles.PeerSpecialist);
        var client = app.CreateClientAs(user.Id, [Roles.PeerSpecialist], mfa: false);

        var page = await Html.GetAsync(client, "/my");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("not linked", page.TextOf("not-linked"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/my")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/my")).StatusCode);
    }

    [Theory, AllDatabases]
    public async Task A_trainee_sees_their_status_history_and_is_told_ce_comes_with_certification(DatabaseProvider provider)
    {
        await using var app = new PeopleApp(provider).Started();
        var user = await app.CreateUserAsync("trainee@example.org", Roles.Trainee);
        var personId = await app.AddPersonAsync("Jay Trainee", userEmail: "trainee@example.org");
        await app.OpenAsync(personId);
        var client = app.CreateClientAs(user.Id, [Roles.Trainee], mfa: false);

        var record = await Html.GetAsync(client, "/my");
        var log = await Html.GetAsync(client, "/my/ce/new");

        Assert.Contains("Opened as trainee", record.Text, StringComparison.Ordinal);
        Assert.Contains("once you are certified", log.TextOf("no-certification"), StringComparison.Ordinal);
    }
}
