using System.Net;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

public sealed class PasswordResetTests
{
    private const string NewPassword = "a brand new passphrase";

    [Theory, AllDatabases]
    public async Task A_forgotten_password_is_reset_through_the_link_in_the_pickup_folder_email_and_the_link_works_once(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var user = await app.CreateUserAsync("ana@example.org", Roles.PeerSpecialist);
        var browser = new AccountClient(app);
        await browser.GetAsync("/account/forgot-password");

        var asked = await browser.PostForPageAsync("/account/forgot-password", ("Email", "ana@example.org"));
        var email = app.Mail().To("ana@example.org");
        var link = email.LinkPath();
        var form = await browser.GetAsync(link);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://localhost" + link).Query);
        var reset = await browser.PostAsync("/account/reset-password", ("user", query["user"]!), ("Token", query["token"]!), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword));
        var again = await browser.PostForPageAsync("/account/reset-password", ("user", query["user"]!), ("Token", query["token"]!), ("NewPassword", "yet another passphrase"), ("ConfirmPassword", "yet another passphrase"));

        Assert.Contains("If an account uses ana@example.org", asked.TextOf("reset-sent"), StringComparison.Ordinal);
        Assert.Contains("we have sent it an email with a link", asked.TextOf("reset-sent"), StringComparison.Ordinal);
        Assert.Equal("Reset your PeerEthics password", email.Subject);
        Assert.StartsWith("/account/reset-password?user=", link, StringComparison.Ordinal);
        Assert.Contains("Choose a new password", form.Text, StringComparison.Ordinal);
        Assert.Equal("/account/sign-in?note=reset", reset.Headers.Location?.OriginalString);
        Assert.Contains("This link does not work any more", again.Text, StringComparison.Ordinal);
        Assert.Null(await new AccountClient(app).SignInAsync("ana@example.org", TestUsers.Password));
        Assert.Equal("/account", await new AccountClient(app).SignInAsync("ana@example.org", NewPassword));
        var audited = await app.ReadAuditAsync(AccountAudit.PasswordReset);
        Assert.Equal([AuditOutcome.Success, AuditOutcome.Failure], audited.Select(e => e.Outcome));
        Assert.All(audited, e => Assert.Equal($"user:{user.Id}", e.Target));
        Assert.All(await app.ReadAuditAsync(), e => Assert.DoesNotContain(query["token"]!.ToString(), e.Everything(), StringComparison.Ordinal));
    }

    [Theory, AllDatabases]
    public async Task An_email_without_an_account_gets_the_same_answer_and_no_mail(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        await app.CreateUserAsync("ana@example.org", Roles.PeerSpecialist);
        var browser = new AccountClient(app);
        await browser.GetAsync("/account/forgot-password");

        var unknown = await browser.PostForPageAsync("/account/forgot-password", ("Email", "nobody@example.org"));

        Assert.Contains("If an account uses nobody@example.org", unknown.TextOf("reset-sent"), StringComparison.Ordinal);
        Assert.Contains("we have sent it an email with a link", unknown.TextOf("reset-sent"), StringComparison.Ordinal);
        Assert.Empty(app.Mail());
        var audited = Assert.Single(await app.ReadAuditAsync(AccountAudit.PasswordResetRequested));
        Assert.Equal(AccountAudit.UnknownAccount, audited.Target);
        Assert.DoesNotContain("nobody", audited.Everything(), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_new_password_that_breaks_a_rule_is_refused_with_the_rule_and_the_old_one_still_works(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        await app.CreateUserAsync("ana@example.org", Roles.PeerSpecialist);
        var browser = new AccountClient(app);
        await browser.GetAsync("/account/forgot-password");
        await browser.PostAsync("/account/forgot-password", ("Email", "ana@example.org"));
        var link = app.Mail().To("ana@example.org").LinkPath();
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://localhost" + link).Query);
        await browser.GetAsync(link);

        var tooShort = await browser.PostForPageAsync("/account/reset-password", ("user", query["user"]!), ("Token", query["token"]!), ("NewPassword", "short"), ("ConfirmPassword", "short"));
        var mismatch = await browser.PostForPageAsync("/account/reset-password", ("user", query["user"]!), ("Token", query["token"]!), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword + "!"));

        Assert.Contains("New password: use at least 12 characters.", tooShort.TextOf("NewPassword-error"), StringComparison.Ordinal);
        Assert.Contains("type the same password again", mismatch.TextOf("ConfirmPassword-error"), StringComparison.Ordinal);
        Assert.Equal("/account", await new AccountClient(app).SignInAsync("ana@example.org"));
    }

    [Theory, AllDatabases]
    public async Task Changing_the_password_needs_the_current_one_and_is_audited_without_either(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var user = await app.CreateUserAsync("ana@example.org", Roles.PeerSpecialist);
        var browser = new AccountClient(app);
        await browser.SignInAsync("ana@example.org");
        await browser.GetAsync("/account/change-password");

        var wrongCurrent = await browser.PostForPageAsync("/account/change-password", ("CurrentPassword", "not my password"), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword));
        var changed = await browser.PostAsync("/account/change-password", ("CurrentPassword", TestUsers.Password), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword));
        var stillSignedIn = await browser.GetAsync("/account");

        Assert.Contains("Current password: that is not your current password.", wrongCurrent.TextOf("CurrentPassword-error"), StringComparison.Ordinal);
        Assert.Equal("/account/change-password?changed=true", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.Status);
        Assert.Equal("/account", await new AccountClient(app).SignInAsync("ana@example.org", NewPassword));
        Assert.Equal($"user:{user.Id}", Assert.Single(await app.ReadAuditAsync(AccountAudit.PasswordChanged)).Target);
        Assert.All(await app.ReadAuditAsync(), e =>
        {
            Assert.DoesNotContain(NewPassword, e.Everything(), StringComparison.Ordinal);
            Assert.DoesNotContain(TestUsers.Password, e.Everything(), StringComparison.Ordinal);
        });
    }
}
