using System.Net;
using System.Text.RegularExpressions;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

public sealed partial class SecondFactorTests
{
    [Theory, AllDatabases]
    public async Task A_staff_member_without_a_second_factor_is_sent_to_set_one_up_and_refused_staff_pages_until_then(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var user = await app.CreateUserAsync("reg@example.org", Roles.Registrar);
        var browser = new AccountClient(app);

        var sentTo = await browser.SignInAsync("reg@example.org");
        var overview = await browser.Http.GetAsync("/account");
        var staffPage = await browser.Http.GetAsync("/admin/invitations");
        var setup = await browser.GetAsync("/account/two-factor?required=true");
        var key = Key().Match(setup.Markup).Groups[1].Value;
        var wrong = await browser.PostForPageAsync("/account/two-factor", ("Code", Totp.WrongCode(key)));
        var done = await browser.PostForPageAsync("/account/two-factor", ("Code", Totp.Code(key)));
        var staffPageAfter = await browser.Http.GetAsync("/admin/invitations");

        Assert.Equal("/account/two-factor?required=true", sentTo);
        Assert.Equal("/account/two-factor?required=true", overview.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.DoesNotContain("/admin/invitations", staffPage.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Your role needs this before you go on", setup.TextOf("two-factor-required"), StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\" aria-label=\"QR code for your authenticator app\"", setup.Markup, StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{32}$", key);
        Assert.Contains("Code: that code does not match.", wrong.TextOf("Code-error"), StringComparison.Ordinal);
        Assert.Equal(10, SignInTests.RecoveryCodes(done).Count);
        Assert.Equal(HttpStatusCode.OK, staffPageAfter.StatusCode);
        var enabled = Assert.Single(await app.ReadAuditAsync(AccountAudit.TwoFactorEnabled));
        Assert.Equal($"user:{user.Id}", enabled.Target);
        var generated = Assert.Single(await app.ReadAuditAsync(AccountAudit.RecoveryCodesGenerated));
        Assert.Equal("10 codes", generated.Detail);
        Assert.All(await app.ReadAuditAsync(), e =>
        {
            Assert.DoesNotContain(key, e.Everything(), StringComparison.Ordinal);
            Assert.All(SignInTests.RecoveryCodes(done), code => Assert.DoesNotContain(code, e.Everything(), StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData(Roles.Administrator, "/admin/invitations")]
    [InlineData(Roles.Administrator, "/admin/users")]
    [InlineData(Roles.Registrar, "/admin/invitations")]
    [InlineData(Roles.Registrar, "/admin/users")]
    public async Task Staff_pages_refuse_a_staff_sign_in_without_a_second_factor(string role, string page)
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);

        var withoutMfa = await app.CreateClientAs(role, mfa: false).GetAsync(page);
        var withMfa = await app.CreateClientAs(role, mfa: true).GetAsync(page);
        var otherRole = await app.CreateClientAs(Roles.PeerSpecialist, mfa: true).GetAsync(page);

        Assert.StartsWith("http://localhost/account/access-denied", withoutMfa.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withMfa.StatusCode);
        Assert.StartsWith("http://localhost/account/access-denied", otherRole.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task A_staff_sign_in_without_a_second_factor_opens_no_other_page_before_the_set_up(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var client = app.CreateClientAs(Roles.EthicsReviewer, mfa: false);

        var codes = await client.GetAsync("/codes");
        var account = await client.GetAsync("/account/passkeys");

        Assert.Equal("/account/two-factor?required=true", codes.Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor?required=true", account.Headers.Location?.OriginalString);
    }

    [Theory, AllDatabases]
    public async Task Others_may_turn_the_authenticator_off_but_staff_may_not_and_each_change_is_audited(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var (trainee, traineeKey) = await app.CreateUserWithAuthenticatorAsync("t@example.org", Roles.Trainee);
        var (_, adminKey) = await app.CreateUserWithAuthenticatorAsync("a@example.org", Roles.Administrator);
        var traineeBrowser = new AccountClient(app);
        var adminBrowser = new AccountClient(app);
        await traineeBrowser.SignInWithCodeAsync("t@example.org", traineeKey);
        await adminBrowser.SignInWithCodeAsync("a@example.org", adminKey);

        var traineePage = await traineeBrowser.GetAsync("/account/two-factor");
        var off = await traineeBrowser.PostAsync("/account/two-factor?handler=Disable");
        var adminPage = await adminBrowser.GetAsync("/account/two-factor");
        var refused = await adminBrowser.PostForPageAsync("/account/two-factor?handler=Disable");

        Assert.Contains("Turn off the authenticator app", traineePage.Text, StringComparison.Ordinal);
        Assert.Equal("/account/two-factor?done=off", off.Headers.Location?.OriginalString);
        Assert.Equal("/account", await new AccountClient(app).SignInAsync("t@example.org"));
        Assert.DoesNotContain("Turn off the authenticator app", adminPage.Text, StringComparison.Ordinal);
        Assert.Contains("your role needs a second step, so it cannot be turned off", refused.Text, StringComparison.Ordinal);
        Assert.Equal($"user:{trainee.Id}", Assert.Single(await app.ReadAuditAsync(AccountAudit.TwoFactorDisabled)).Target);
    }

    [Theory, AllDatabases]
    public async Task New_recovery_codes_replace_the_old_ones_and_the_regeneration_is_audited(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var (user, key) = await app.CreateUserWithAuthenticatorAsync("lee@example.org", Roles.Supervisor);
        var browser = new AccountClient(app);
        await browser.SignInWithCodeAsync("lee@example.org", key);
        await browser.GetAsync("/account/recovery-codes");

        var first = SignInTests.RecoveryCodes(await browser.PostForPageAsync("/account/recovery-codes"));
        var second = SignInTests.RecoveryCodes(await browser.PostForPageAsync("/account/recovery-codes"));
        await browser.SignOutAsync();
        await browser.SignInAsync("lee@example.org");
        await browser.GetAsync("/account/sign-in/recovery-code");
        var old = await browser.PostForPageAsync("/account/sign-in/recovery-code", ("RecoveryCode", first[0]));
        var fresh = await browser.PostAsync("/account/sign-in/recovery-code", ("RecoveryCode", second[0]));

        Assert.Empty(first.Intersect(second));
        Assert.Contains("that code is not one of yours", old.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(2, (await app.ReadAuditAsync(AccountAudit.RecoveryCodesGenerated)).Count(e => e.Target == $"user:{user.Id}"));
    }

    [GeneratedRegex("data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex Key();
}
