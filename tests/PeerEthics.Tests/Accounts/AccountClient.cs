using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Accounts;
using PeerEthics.Tests.Codes.Pages;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Accounts;

/// <summary>
/// A browser as the accounts tests need one: keeps cookies, does not follow redirects (so a test sees where it is
/// sent), and posts forms with the antiforgery token of the page it last opened, as a browser would.
/// </summary>
public sealed partial class AccountClient(PeerEthicsAppFactory app)
{
    private string? _token;

    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<Html> GetAsync(string url)
    {
        var page = await Html.GetAsync(Http, url);
        if (Token().Match(page.Markup) is { Success: true } token)
        {
            _token = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        return page;
    }

    /// <summary>Posts a form; the antiforgery token comes from the page last opened with <see cref="GetAsync"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (_token is not null)
        {
            form.Add(new("__RequestVerificationToken", _token));
        }

        return await Http.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts a form and reads the page it answers with (a re-shown form, with its errors).</summary>
    public async Task<Html> PostForPageAsync(string url, params (string Name, string Value)[] fields)
    {
        var response = await PostAsync(url, fields);
        return new Html(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the sign-in page and posts an email and password; answers where the app sends the person.</summary>
    public async Task<string?> SignInAsync(string email, string password = TestUsers.Password)
    {
        await GetAsync("/account/sign-in");
        var response = await PostAsync("/account/sign-in", ("Email", email), ("Password", password));
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.OriginalString : null;
    }

    /// <summary>Password, then an authenticator code from <paramref name="key"/>.</summary>
    public async Task SignInWithCodeAsync(string email, string key)
    {
        Assert.StartsWith("/account/sign-in/two-factor", await SignInAsync(email), StringComparison.Ordinal);
        await GetAsync("/account/sign-in/two-factor");
        var response = await PostAsync("/account/sign-in/two-factor", ("Code", Totp.Code(key)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location?.OriginalString);
    }

    /// <summary>Signs out from the account page's button, as a person would.</summary>
    public async Task SignOutAsync()
    {
        await GetAsync("/account");
        var response = await PostAsync("/account/sign-out");
        Assert.Equal("/account/sign-in?note=signed-out", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public static class TwoFactorAccounts
{
    /// <summary>A user with an authenticator app set up; answers the key the app holds.</summary>
    public static async Task<(User User, string Key)> CreateUserWithAuthenticatorAsync(this PeerEthicsAppFactory app, string email, params string[] roles)
    {
        var user = await app.CreateUserAsync(email, roles);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var stored = await users.FindByIdAsync(user.Id);
        Assert.True((await users.ResetAuthenticatorKeyAsync(stored!)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(stored!, true)).Succeeded);
        return (stored!, (await users.GetAuthenticatorKeyAsync(stored!))!);
    }
}
