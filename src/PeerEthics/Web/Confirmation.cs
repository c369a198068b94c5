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
}
