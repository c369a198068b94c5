using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace PeerEthics.Web.Security;

/// <summary>
/// <c>&lt;script asp-add-nonce&gt;</c> (or <c>&lt;style asp-add-nonce&gt;</c>) gives an element the request's CSP
/// nonce, the one the Content-Security-Policy header allows, so only scripts and styles written into the
/// templates apply. Prefer a file in <c>wwwroot</c>; the nonce is for the rare block that must be inline. (The
/// attribute name is the one NetEscapades' own tag-helper package uses.)
/// </summary>
[HtmlTargetElement("script", Attributes = AttributeName)]
[HtmlTargetElement("style", Attributes = AttributeName)]
public sealed class NonceTagHelper : TagHelper
{
    public const string AttributeName = "asp-add-nonce";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var httpContext = ViewContext?.HttpContext ?? throw new InvalidOperationException("The nonce needs the request.");
        output.Attributes.RemoveAll(AttributeName);
        output.Attributes.SetAttribute("nonce", httpContext.GetNonce());
    }
}
