using Microsoft.Playwright;

namespace PeerEthics.BrowserTests;

/// <summary>The page of one code version, by its ids and roles.</summary>
public sealed class CodePage(IPage page)
{
    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Principle(int position) => page.Locator($"#principle-{position}");

    public ILocator Pledge => page.Locator("#pledge-text");

    public ILocator Fingerprint => page.Locator("#content-hash");

    public ILocator MainNavigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public ILocator PrintViewLink => page.GetByRole(AriaRole.Link, new() { Name = "Open the print view" });
}
