using System.Net;
using PeerEthics.Accounts;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

public sealed class AccountPagesMarkupTests
{
    [Fact]
    public async Task Account_pages_carry_no_inline_styles_scripts_or_handlers_and_every_form_has_its_antiforgery_token()
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("reg@example.org", Roles.Registrar);
        var anonymous = new AccountClient(app);
        var staff = new AccountClient(app);
        await staff.SignInAsync("reg@example.org");
        var pages = new List<(string Url, Codes.Pages.Html Page)>();
        foreach (var url in new[] { "/account/sign-in", "/account/forgot-password", "/account/reset-password?user=x&token=y", "/account/invitation?token=nothing", "/account/access-denied" })
        {
            pages.Add((url, await anonymous.GetAsync(url)));
        }

        // The set-up page first (with its QR code), then the rest once the second factor is on.
        var setup = await staff.GetAsync("/account/two-factor");
        pages.Add(("/account/two-factor", setup));
        var key = System.Text.RegularExpressions.Regex.Match(setup.Markup, "data-key=\"([A-Z2-7]+)\"").Groups[1].Value;
        pages.Add(("/account/two-factor (done)", await staff.PostForPageAsync("/account/two-factor", ("Code", Totp.Code(key)))));
        foreach (var url in new[] { "/account", "/account/change-password", "/account/two-factor", "/account/recovery-codes", "/account/passkeys", "/account/sign-out", "/admin/invitations", "/admin/users" })
        {
            pages.Add((url, await staff.GetAsync(url)));
        }

        Assert.All(pages, p =>
        {
            Assert.True(p.Page.Status is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{p.Url} answered {p.Page.Status}");
            Assert.DoesNotMatch("<[^>]+\\sstyle=", p.Page.Markup);
            Assert.DoesNotContain("<style", p.Page.Markup, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", p.Page.Markup);
            Assert.DoesNotMatch("<[^>]+\\son[a-z]+=", p.Page.Markup);
            Assert.Equal(1, p.Page.Count("<h1"));
            Assert.Equal(p.Page.Count("<form method=\"post\""), p.Page.Count("name=\"__RequestVerificationToken\""));
        });
    }
}
