using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

public sealed class InvitationTests
{
    private const string Chosen = "my own long passphrase";

    [Theory, AllDatabases]
    public async Task An_administrator_invites_by_email_and_the_link_makes_the_account_signs_in_and_works_only_once(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var admin = new AccountClient(app);
        admin.Http.DefaultRequestHeaders.Add(TestSignIn.UserHeader, "admin-1");
        admin.Http.DefaultRequestHeaders.Add(TestSignIn.RolesHeader, Roles.Administrator);
        admin.Http.DefaultRequestHeaders.Add(TestSignIn.MfaHeader, "true");
        await admin.GetAsync("/admin/invitations");

        var invited = await admin.PostAsync("/admin/invitations", ("Email", "jo@example.org"), ("DisplayName", "Jo"), ("Role", Roles.PeerSpecialist));
        var list = await admin.GetAsync("/admin/invitations");
        var email = app.Mail().To("jo@example.org");
        var link = email.LinkPath();
        var person = new AccountClient(app);
        var form = await person.GetAsync(link);
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://localhost" + link).Query)["token"].ToString();
        var accepted = await person.PostAsync("/account/invitation", ("Token", token), ("DisplayName", "Jo Smith"), ("Password", Chosen), ("ConfirmPassword", Chosen));
        var account = await person.GetAsync("/account?welcome=true");
        var second = await new AccountClient(app).GetAsync(link);

        Assert.Equal("/admin/invitations?sent=jo@example.org", invited.Headers.Location?.OriginalString);
        Assert.Contains("jo@example.org", list.TextOf("pending-invitations"), StringComparison.Ordinal);
        Assert.Contains("until 30 November 2026 at 09:00 UTC", email.TextBody, StringComparison.Ordinal);
        Assert.Equal("Peer specialist", form.TextOf("invited-role"));
        Assert.Equal("jo@example.org", form.TextOf("invited-email"));
        Assert.Equal("/account?welcome=1", accepted.Headers.Location?.OriginalString);
        Assert.Contains("Jo Smith", account.TextOf("account-facts"), StringComparison.Ordinal);
        Assert.Contains("Peer specialist", account.TextOf("account-facts"), StringComparison.Ordinal);
        Assert.Contains("already used", second.TextOf("invitation-refused"), StringComparison.Ordinal);
        Assert.Equal("/account", await new AccountClient(app).SignInAsync("jo@example.org", Chosen));

        await using var scope = app.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Invitations.SingleAsync(i => i.Email == "jo@example.org");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.TokenHash);
        Assert.DoesNotContain(token, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
        Assert.NotNull(stored.AcceptedAt);
        var actions = (await app.ReadAuditAsync()).Where(e => e.Target == $"invitation:{stored.Id}").Select(e => (e.Action, e.Outcome)).ToList();
        Assert.Equal([(AccountAudit.InvitationCreated, AuditOutcome.Success), (AccountAudit.InvitationAccepted, AuditOutcome.Success), (AccountAudit.InvitationRefused, AuditOutcome.Denied)], actions);
        Assert.Equal("admin-1", (await app.ReadAuditAsync(AccountAudit.InvitationCreated)).Single(e => e.Target == $"invitation:{stored.Id}").Actor);
        Assert.Contains(await app.ReadAuditAsync(AccountAudit.RoleGranted), e => e.Detail == "peer-specialist, by invitation");
        Assert.All(await app.ReadAuditAsync(), e =>
        {
            Assert.DoesNotContain(token, e.Everything(), StringComparison.Ordinal);
            Assert.DoesNotContain(Chosen, e.Everything(), StringComparison.Ordinal);
        });
    }

    [Theory, AllDatabases]
    public async Task An_invitation_expires_after_seven_days_on_the_clock_and_then_makes_no_account(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var registrar = app.CreateClientAs(Roles.Registrar);
        var created = await registrar.PostAsJsonAsync("/api/invitations", new { email = "late@example.org", name = "Late", role = Roles.Trainee });
        var link = app.Mail().To("late@example.org").LinkPath();
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://localhost" + link).Query)["token"].ToString();
        var person = new AccountClient(app);

        app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        var justInTime = await person.GetAsync(link);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await person.GetAsync(link);
        var submitted = await person.PostForPageAsync("/account/invitation", ("Token", token), ("DisplayName", "Late"), ("Password", Chosen), ("ConfirmPassword", Chosen));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Trainee", justInTime.TextOf("invited-role"));
        Assert.Contains("The invitation has expired", expired.TextOf("invitation-refused"), StringComparison.Ordinal);
        Assert.Contains("The invitation has expired", submitted.TextOf("invitation-refused"), StringComparison.Ordinal);
        Assert.Null(await new AccountClient(app).SignInAsync("late@example.org", Chosen));
        var refusals = await app.ReadAuditAsync(AccountAudit.InvitationRefused);
        Assert.Equal(["expired", "expired"], refusals.Select(e => e.Detail));
    }

    [Theory, AllDatabases]
    public async Task A_withdrawn_invitation_no_longer_works(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var admin = new AccountClient(app);
        admin.Http.DefaultRequestHeaders.Add(TestSignIn.UserHeader, "admin-1");
        admin.Http.DefaultRequestHeaders.Add(TestSignIn.RolesHeader, Roles.Administrator);
        admin.Http.DefaultRequestHeaders.Add(TestSignIn.MfaHeader, "true");
        await admin.GetAsync("/admin/invitations");
        await admin.PostAsync("/admin/invitations", ("Email", "gone@example.org"), ("DisplayName", "Gone"), ("Role", Roles.Supervisor));
        Guid id;
        await using (var scope = app.Scope())
        {
            id = await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Invitations.Where(i => i.Email == "gone@example.org").Select(i => i.Id).SingleAsync();
        }

        await admin.GetAsync("/admin/invitations");
        var revoked = await admin.PostAsync("/admin/invitations?handler=Revoke", ("InvitationId", id.ToString()));
        var page = await new AccountClient(app).GetAsync(app.Mail().To("gone@example.org").LinkPath());

        Assert.Equal("/admin/invitations?revoked=true", revoked.Headers.Location?.OriginalString);
        Assert.Contains("withdrawn", page.TextOf("invitation-refused"), StringComparison.Ordinal);
        var entry = Assert.Single(await app.ReadAuditAsync(AccountAudit.InvitationRevoked));
        Assert.Equal(($"invitation:{id}", "admin-1"), (entry.Target, entry.Actor));
    }

    [Theory, AllDatabases]
    public async Task Bad_input_is_refused_field_by_field_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var registrar = app.CreateClientAs(Roles.Registrar);

        var response = await registrar.PostAsJsonAsync("/api/invitations", new { email = "not an email", name = "", role = Roles.Administrator });
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Email address: enter an email address in the right form", problem.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Name: enter the name", problem.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Role: only an administrator can invite staff", problem.GetProperty("role")[0].GetString(), StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PeerEthicsDb>().Invitations.AnyAsync(i => i.Email != null));
        Assert.Empty(app.Mail());
    }

    [Theory, AllDatabases]
    public async Task The_invitations_api_is_for_registrars_and_administrators_signed_in_with_a_second_factor(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var body = new { email = "x@example.org", name = "X", role = Roles.Trainee };

        var anonymous = await app.CreateClient().PostAsJsonAsync("/api/invitations", body);
        var specialist = await app.CreateClientAs(Roles.PeerSpecialist).PostAsJsonAsync("/api/invitations", body);
        var reviewer = await app.CreateClientAs(Roles.EthicsReviewer).PostAsJsonAsync("/api/invitations", body);
        var adminWithoutMfa = await app.CreateClientAs(Roles.Administrator, mfa: false).PostAsJsonAsync("/api/invitations", body);
        var admin = await app.CreateClientAs(Roles.Administrator).PostAsJsonAsync("/api/invitations", body);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, specialist.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reviewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminWithoutMfa.StatusCode);
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
        var json = JsonDocument.Parse(await admin.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("emailSent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("link").ValueKind);
    }

    [Theory, AllDatabases]
    public async Task A_fresh_install_has_one_first_administrator_invitation_whose_link_makes_an_administrator(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        _ = app.CreateClient();
        await using var scope = app.Scope();
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();

        var first = await invitations.ListPendingAsync();
        var notAgain = await invitations.CreateFirstAdministratorAsync();

        var waiting = Assert.Single(first);
        Assert.Equal((Roles.Administrator, (string?)null, "system"), (waiting.Role, waiting.Email, waiting.CreatedBy));
        Assert.Null(notAgain);
        Assert.Equal(FirstAdministratorState.InvitationWaiting, await invitations.FirstAdministratorStateAsync());
    }
}
