using System.Net;
using System.Text.RegularExpressions;

namespace PeerEthics.Tests.Codes.Pages;

/// <summary>A page as a test reads it: its status, its markup, and its text with tags and entities gone.</summary>
public sealed partial record Html(HttpStatusCode Status, string Markup)
{
    public string Text => Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(Markup, " ")), " ");

    public static async Task<Html> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return new Html(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The text of the element with this id (its first closing tag of the same name ends it).</summary>
    public string TextOf(string id)
    {
        var match = Regex.Match(Markup, $"<(?<tag>[a-z0-9]+)[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(?<inner>.*?)</\\k<tag>>", RegexOptions.Singleline);
        Assert.True(match.Success, $"The page has no element with id \"{id}\".");
        return Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(match.Groups["inner"].Value, " ")), " ").Trim();
    }

    public int Count(string fragment) => Regex.Count(Markup, Regex.Escape(fragment));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
