using Microsoft.Playwright;

namespace PeerEthics.BrowserTests;

/// <summary>The comparison page, by its labels, roles and ids.</summary>
public sealed class ComparePage(IPage page)
{
    public ILocator FirstCode => page.GetByLabel("First code");

    public ILocator SecondCode => page.GetByLabel("Second code");

    public ILocator CompareButton => page.GetByRole(AriaRole.Button, new() { Name = "Compare" });

    public ILocator Pairs => page.Locator("ol.pairs > li");

    /// <summary>The heading of the section listing what only this code has.</summary>
    public ILocator OnlyIn(string code) =>
        page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new System.Text.RegularExpressions.Regex($"^Only in {System.Text.RegularExpressions.Regex.Escape(code)} \\(\\d+\\)$") });
}
