using System.Net;
using PeerEthics.Accounts;
using PeerEthics.Audit;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

public sealed class SignInTests
{
    [Theory, AllDatabases]
    public async Task A_password_alone_signs_in_an_account_without_a_second_factor_and_the_success_is_audited(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var user = await app.CreateUserAsync("sam@example.org", Roles.PeerSpecialist);
        var browser = new AccountClient(app);

        var sentTo = await browser.SignInAsync("sam@example.org");
        var account = await browser.GetAsync("/account");

        Assert.Equal("/account", sentTo);
        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Contains("sam@example.org", account.TextOf("account-facts"), StringComparison.Ordinal);
        Assert.Contains("Peer specialist", account.TextOf("account-facts"), StringComparison.Ordinal);
        var signIn = Assert.Single(await app.ReadAuditAsync(AccountAudit.SignIn));
        Assert.Equal((AuditOutcome.Success, $"user:{user.Id}", user.Id, "password"), (signIn.Outcome, signIn.Target, signIn.Actor, signIn.Detail));
    }

    [Theory, AllDatabases]
    public async Task Signed_in_pages_send_an_anonymous_visitor_to_sign_in_and_back(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var browser = new AccountClient(app);

        var response = await browser.Http.GetAsync("/account/change-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in?ReturnUrl=%2Faccount%2Fchange-password", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task With_an_authenticator_the_password_leads_to_the_code_step_and_only_the_right_code_signs_in(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var (user, key) = await app.CreateUserWithAuthenticatorAsync("ria@example.org", Roles.Administrator);
        var browser = new AccountClient(app);

        var sentTo = await browser.SignInAsync("ria@example.org");
        var notYet = await browser.Http.GetAsync("/account");
        await browser.GetAsync("/account/sign-in/two-factor");
        var wrong = await browser.PostForPageAsync("/account/sign-in/two-factor", ("Code", Totp.WrongCode(key)));
        var right = await browser.PostAsync("/account/sign-in/two-factor", ("Code", Totp.Code(key)));
        var staffPage = await browser.GetAsync("/admin/invitations");

        Assert.Equal("/account/sign-in/two-factor", sentTo);
        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
        Assert.Contains("Code: that code is not right", wrong.Text, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", wrong.Markup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/account", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, staffPage.Status);
        var entries = await app.ReadAuditAsync(AccountAudit.SignIn);
        Assert.Equal([AuditOutcome.Failure, AuditOutcome.Success], entries.Select(e => e.Outcome));
        Assert.Equal(["wrong authenticator code", "password and authenticator app"], entries.Select(e => e.Detail));
        Assert.All(entries, e => Assert.Equal($"user:{user.Id}", e.Target));
    }

    [Theory, AllDatabases]
    public async Task An_authenticator_code_signs_in_once_and_neither_it_nor_an_earlier_one_works_again(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var (_, key) = await app.CreateUserWithAuthenticatorAsync("una@example.org", Roles.Registrar);
        var browser = new AccountClient(app);
        var now = DateTimeOffset.UtcNow;

        await browser.SignInWithCodeAsync("una@example.org", key);
        await browser.SignOutAsync();
        async Task<string> TryAsync(string code)
        {
            Assert.StartsWith("/account/sign-in/two-factor", await browser.SignInAsync("una@example.org"), StringComparison.Ordinal);
            await browser.GetAsync("/account/sign-in/two-factor");
            return (await browser.PostForPageAsync("/account/sign-in/two-factor", ("Code", code))).Text;
        }

        var same = await TryAsync(Totp.Code(key, now));
        var earlier = await TryAsync(Totp.Code(key, now.AddSeconds(-30)));
        var next = await browser.PostAsync("/account/sign-in/two-factor", ("Code", Totp.Code(key, now.AddSeconds(30))));

        Assert.Contains("Code: that code is not right", same, StringComparison.Ordinal);
        Assert.Contains("Code: that code is not right", earlier, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/account", next.Headers.Location?.OriginalString);
    }

    [Theory, AllDatabases]
    public async Task A_recovery_code_signs_in_once_and_is_then_spent(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var (_, key) = await app.CreateUserWithAuthenticatorAsync("lee@example.org", Roles.Trainee);
        var browser = new AccountClient(app);
        await browser.SignInWithCodeAsync("lee@example.org", key);
        await browser.GetAsync("/account/recovery-codes");
        var codes = RecoveryCodes(await browser.PostForPageAsync("/account/recovery-codes"));
        await browser.SignOutAsync();

        Assert.Equal("/account/sign-in/two-factor", await browser.SignInAsync("lee@example.org"));
        await browser.GetAsync("/account/sign-in/recovery-code");
        var first = await browser.PostAsync("/account/sign-in/recovery-code", ("RecoveryCode", codes[0].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        var left = await browser.GetAsync("/account/recovery-codes?used=true");
        await browser.SignOutAsync();
        await browser.SignInAsync("lee@example.org");
        await browser.GetAsync("/account/sign-in/recovery-code");
        var again = await browser.PostForPageAsync("/account/sign-in/recovery-code", ("RecoveryCode", codes[0]));

        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("You have 9 recovery codes left.", left.TextOf("codes-left"));
        Assert.Contains("Recovery code: that code is not one of yours, or it was already used.", again.Text, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused_and_the_lockout_is_audited(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var user = await app.CreateUserAsync("kim@example.org", Roles.PeerSpecialist);
        var browser = new AccountClient(app);
        await browser.GetAsync("/account/sign-in");

        var answers = new List<Codes.Pages.Html>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await browser.PostForPageAsync("/account/sign-in", ("Email", "kim@example.org"), ("Password", $"not the password {i}")));
        }

        var rightPassword = await browser.PostForPageAsync("/account/sign-in", ("Email", "kim@example.org"), ("Password", TestUsers.Password));

        Assert.All(answers.Take(4), a => Assert.Contains("Email address or password: they do not match an account.", a.Text, StringComparison.Ordinal));
        Assert.Contains("This account is locked for now", answers[4].TextOf("locked-out"), StringComparison.Ordinal);
        Assert.Contains("This account is locked for now", rightPassword.TextOf("locked-out"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/account")).StatusCode);
        var lockout = Assert.Single(await app.ReadAuditAsync(AccountAudit.LockedOut));
        Assert.Equal($"user:{user.Id}", lockout.Target);
        Assert.StartsWith("5 failed attempts in a row", lockout.Detail, StringComparison.Ordinal);
        Assert.Equal(6, (await app.ReadAuditAsync(AccountAudit.SignIn)).Count(e => e.Outcome == AuditOutcome.Failure));
    }

    [Theory, AllDatabases]
    public async Task An_email_without_an_account_gets_the_same_answer_and_what_was_typed_is_not_audited(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        await app.CreateUserAsync("kim@example.org", Roles.PeerSpecialist);
        var browser = new AccountClient(app);
        await browser.GetAsync("/account/sign-in");

        var unknown = await browser.PostForPageAsync("/account/sign-in", ("Email", "nobody@example.org"), ("Password", "my secret password"));
        var wrong = await browser.PostForPageAsync("/account/sign-in", ("Email", "kim@example.org"), ("Password", "my secret password"));

        Assert.Equal(wrong.TextOf("error-summary"), unknown.TextOf("error-summary"));
        Assert.Contains("value=\"nobody@example.org\"", unknown.Markup, StringComparison.Ordinal);
        var failure = (await app.ReadAuditAsync(AccountAudit.SignIn))[0];
        Assert.Equal((AuditOutcome.Failure, AccountAudit.UnknownAccount, "anonymous"), (failure.Outcome, failure.Target, failure.Actor));
        Assert.DoesNotContain("nobody", failure.Everything(), StringComparison.Ordinal);
        Assert.DoesNotContain("my secret password", failure.Everything(), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task An_empty_form_names_each_missing_field_and_keeps_the_email_typed(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var browser = new AccountClient(app);
        await browser.GetAsync("/account/sign-in");

        var page = await browser.PostForPageAsync("/account/sign-in", ("Email", "someone@example.org"), ("Password", ""));

        Assert.Contains("Password: enter your password.", page.TextOf("Password-error"), StringComparison.Ordinal);
        Assert.Contains("href=\"#Password\"", page.Markup, StringComparison.Ordinal);
        Assert.Contains("value=\"someone@example.org\"", page.Markup, StringComparison.Ordinal);
        Assert.Empty(await app.ReadAuditAsync(AccountAudit.SignIn));
    }

    [Theory, AllDatabases]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        await app.CreateUserAsync("kim@example.org", Roles.PeerSpecialist);
        var browser = new AccountClient(app);

        var response = await browser.PostAsync("/account/sign-in", ("Email", "kim@example.org"), ("Password", TestUsers.Password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.ReadAuditAsync(AccountAudit.SignIn));
    }

    [Theory, AllDatabases]
    public async Task Signing_out_ends_the_session_and_is_audited(DatabaseProvider provider)
    {
        await using var app = new PeerEthicsAppFactory(provider);
        var user = await app.CreateUserAsync("sam@example.org", Roles.PeerSpecialist);
        var browser = new AccountClient(app);
        await browser.SignInAsync("sam@example.org");
        await browser.GetAsync("/account");

        var signOut = await browser.PostAsync("/account/sign-out");
        var after = await browser.Http.GetAsync("/account");

        Assert.Equal("/account/sign-in?note=signed-out", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal($"user:{user.Id}", Assert.Single(await app.ReadAuditAsync(AccountAudit.SignOut)).Target);
    }

    internal static List<string> RecoveryCodes(Codes.Pages.Html page) =>
        [.. System.Text.RegularExpressions.Regex.Matches(page.Markup, "<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>").Select(m => m.Groups[1].Value)];
}
