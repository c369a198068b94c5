using PeerEthics.BrowserTests.Infrastructure;
using Xunit.Sdk;

namespace PeerEthics.BrowserTests;

/// <summary>The accessibility check every journey relies on must be able to fail, and say why.</summary>
[Collection(BrowserSuite.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_accessibility_check_fails_on_a_form_field_without_a_label_and_names_the_rule()
    {
        await Page.SetContentAsync("""
            <!DOCTYPE html>
            <html lang="en"><head><title>Unlabelled</title></head>
            <body><main><h1>Unlabelled</h1><input type="text"></main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<TrueException>(AssertAccessibleAsync);

        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        Assert.Contains("<input type=\"text\">", failure.Message, StringComparison.Ordinal);
    }
}
