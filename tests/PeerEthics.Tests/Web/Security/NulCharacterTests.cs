using System.Net;
using PeerEthics.Data;
using PeerEthics.Tests.Infrastructure;
using PeerEthics.Tests.People;

namespace PeerEthics.Tests.Web.Security;

/// <summary>
/// A NUL character is never part of anything a person types, and PostgreSQL cannot store one: a form carrying one is
/// refused as a bad request before any page sees it, not answered with a server error (wapiti found three such forms).
/// </summary>
public sealed class NulCharacterTests
{
    [Theory]
    [InlineData("/account/sign-in", "Email")]
    [InlineData("/account/forgot-password", "Email")]
    [InlineData("/rules/compare", "date")]
    public async Task A_form_value_with_a_nul_character_is_a_bad_request_not_a_server_error(string page, string field)
    {
        await using var app = new PeerEthicsAppFactory(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await FormPost.PostAsync(client, page, [new(field, "/e\0"), new("Password", "Letm3in_")]);
        var clean = await FormPost.PostAsync(client, page, [new(field, "/e"), new("Password", "Letm3in_")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, clean.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, clean.StatusCode);
    }
}
