using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

public sealed class PeopleTests
{
    [Theory, AllDatabases]
    public async Task An_administrator_changes_roles_and_each_grant_and_removal_is_audited(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var (admin, key) = await app.CreateUserWithAuthenticatorAsync("admin@example.org", Roles.Administrator);
        var person = await app.CreateUserAsync("pat@example.org", Roles.Trainee);
        var browser = new AccountClient(app);
        await browser.SignInWithCodeAsync("admin@example.org", key);
        var page = await browser.GetAsync("/admin/users");

        var saved = await browser.PostAsync("/admin/users", ("UserId", person.Id), ("SelectedRoles", Roles.PeerSpecialist), ("SelectedRoles", Roles.Supervisor));

        Assert.Contains("pat@example.org", page.TextOf($"account-{person.Id}"), StringComparison.Ordinal);
        Assert.Equal("/admin/users?saved=pat@example.org", saved.Headers.Location?.OriginalString);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        Assert.Equal([Roles.PeerSpecialist, Roles.Supervisor], (await users.GetRolesAsync((await users.FindByIdAsync(person.Id))!)).Order());
        var granted = await app.ReadAuditAsync(AccountAudit.RoleGranted);
        Assert.Equal([Roles.PeerSpecialist, Roles.Supervisor], granted.Where(e => e.Target == $"user:{person.Id}").Select(e => e.Detail!).Order());
        Assert.All(granted, e => Assert.Equal(admin.Id, e.Actor));
        var revoked = Assert.Single(await app.ReadAuditAsync(AccountAudit.RoleRevoked));
        Assert.Equal(($"user:{person.Id}", Roles.Trainee), (revoked.Target, revoked.Detail));
    }

    [Theory, AllDatabases]
    public async Task The_only_administrator_cannot_lose_the_role_and_nothing_changes(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var (admin, key) = await app.CreateUserWithAuthenticatorAsync("admin@example.org", Roles.Administrator);
        var browser = new AccountClient(app);
        await browser.SignInWithCodeAsync("admin@example.org", key);
        await browser.GetAsync("/admin/users");

        var refused = await browser.PostForPageAsync("/admin/users", ("UserId", admin.Id), ("SelectedRoles", Roles.Registrar));

        Assert.Contains("Roles: this is the only administrator.", refused.TextOf("error-summary"), StringComparison.Ordinal);
        Assert.Empty(await app.ReadAuditAsync(AccountAudit.RoleRevoked));
        Assert.Empty(await app.ReadAuditAsync(AccountAudit.RoleGranted));
    }

    [Theory, AllDatabases]
    public async Task A_registrar_sees_people_but_may_not_change_roles(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var person = await app.CreateUserAsync("pat@example.org", Roles.Trainee);
        var registrar = new AccountClient(app);
        registrar.Http.DefaultRequestHeaders.Add(TestSignIn.UserHeader, "registrar-1");
        registrar.Http.DefaultRequestHeaders.Add(TestSignIn.RolesHeader, Roles.Registrar);
        registrar.Http.DefaultRequestHeaders.Add(TestSignIn.MfaHeader, "true");

        var page = await registrar.GetAsync("/admin/users");
        await registrar.GetAsync("/admin/invitations"); // a page with a form, for the antiforgery token
        var change = await registrar.PostAsync("/admin/users", ("UserId", person.Id), ("SelectedRoles", Roles.Administrator));

        Assert.Contains("Trainee", page.TextOf($"account-{person.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Save roles", page.Text, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/account/access-denied", change.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(await app.ReadAuditAsync(AccountAudit.RoleGranted));
    }
}
