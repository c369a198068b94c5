using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PeerEthics.Web;

/// <summary>
/// A one-time confirmation carried across a post-redirect-get ("Version 3 is published"): set before the
/// redirect, shown once at the top of the next page by the layout.
/// </summary>
public static class Confirmation
{
    public const string Key = "confirmation";

    public static void Confirm(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    /// <summary>
    /// The confirmation to show on this page, once; null when there is none. Every confirmation is followed by a
    /// redirect, so it arrives in the temp-data cookie: a request without that cookie leaves temp data alone (reading
    /// it would answer every page with a header deleting a cookie the browser does not have).
    /// </summary>
    public static string? Take(HttpRequest request, ITempDataDictionary tempData) =>
        request.Cookies.ContainsKey(CookieTempDataProvider.CookieName) ? tempData[Key] as string : null;
}
