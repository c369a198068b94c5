using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PeerEthics.Tests.Infrastructure;

namespace PeerEthics.Tests.Web.Security;

/// <summary>
/// A valid antiforgery token pair for a user, made by the app's own <see cref="IAntiforgery"/> (as a form the
/// app rendered for that user would carry it): the cookie, and the request token sent both as the form field
/// and as the header, so any page or endpoint that checks it lets the request through.
/// </summary>
public sealed record AntiforgeryTokens(string Cookie, string FormFieldName, string HeaderName, string RequestToken)
{
    public static AntiforgeryTokens For(PeerEthicsAppFactory app, ClaimsPrincipal? user)
    {
        using var scope = app.Services.CreateScope();
        var context = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = user ?? new ClaimsPrincipal(new ClaimsIdentity()),
        };
        var tokens = scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var setCookie = context.Response.Headers.SetCookie.ToString();
        return new AntiforgeryTokens(setCookie.Split(';')[0], tokens.FormFieldName, tokens.HeaderName!, tokens.RequestToken!);
    }

    /// <summary>Puts the tokens on <paramref name="request"/>, with a form body holding the token.</summary>
    public void AddTo(HttpRequestMessage request)
    {
        request.Headers.Add("Cookie", Cookie);
        request.Headers.Add(HeaderName, RequestToken);
        // A form carries the token as a field too; a body of another type (JSON for an API) keeps the header.
        request.Content ??= new FormUrlEncodedContent([new(FormFieldName, RequestToken)]);
    }
}
