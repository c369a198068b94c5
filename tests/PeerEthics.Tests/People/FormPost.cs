using System.Net;
using System.Text.RegularExpressions;
using PeerEthics.Tests.Codes.Pages;

namespace PeerEthics.Tests.People;

/// <summary>Submits a page's form the way a browser does: the antiforgery token from the page, then a form post.</summary>
public static partial class FormPost
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await Html.GetAsync(client, pageUrl);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {pageUrl} answered {page.Status}");
        var token = Token().Match(page.Markup);
        Assert.True(token.Success, $"{pageUrl} has no antiforgery token.");
        var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]);
        return await client.PostAsync(postUrl ?? pageUrl, content);
    }

    public static async Task<Html> PostForPageAsync(HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var response = await PostAsync(client, pageUrl, fields, postUrl);
        return new Html(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static IEnumerable<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => KeyValuePair.Create(f.Name, f.Value));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
