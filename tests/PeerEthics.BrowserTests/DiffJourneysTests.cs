using Microsoft.Playwright;
using PeerEthics.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class DiffJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_visitor_sees_what_changed_between_the_two_versions_of_the_Missouri_code() =>
        JourneyAsync("diff", async () =>
        {
            await OpenAsync("/codes/missouri-cmps");
            await Page.GetByRole(AriaRole.Link, new() { Name = "See what changed between two versions" }).ClickAsync();
            var from = Page.GetByLabel("From version");
            var to = Page.GetByLabel("To version");

            await Expect(from).ToHaveValueAsync("1");
            await Expect(to).ToHaveValueAsync("2");
            var reworded = Page.Locator("section[aria-labelledby=changed]");
            await Expect(reworded.GetByRole(AriaRole.Heading, new() { Name = "Principle 13." })).ToBeVisibleAsync();
            await Expect(reworded.Locator("ins").Filter(new() { HasText = "loans" })).ToBeVisibleAsync();
            await Expect(reworded.Locator("del").Filter(new() { HasText = "significant" })).ToBeVisibleAsync();
            await Expect(Page.Locator("section[aria-labelledby=added]")).ToContainTextAsync("continuing education");
            await Expect(Page.Locator("section[aria-labelledby=removed]")).ToContainTextAsync("safe and healthy work environment");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("diff-missouri");

            await from.SelectOptionAsync("2");
            await to.SelectOptionAsync("1");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Show changes" }).ClickAsync();

            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/codes/missouri-cmps/diff\\?from=2&to=1$"));
            await Expect(Page.Locator("section[aria-labelledby=removed]")).ToContainTextAsync("continuing education");
        });

    [Fact]
    public Task A_code_with_one_version_says_plainly_there_is_nothing_to_compare() =>
        JourneyAsync("diff-one-version", async () =>
        {
            await OpenAsync("/codes/massachusetts-cps/diff");

            await Expect(Page.Locator("#only-one-version")).ToContainTextAsync("only one version, so there is nothing to compare yet");
            await Expect(Page.GetByRole(AriaRole.Combobox)).ToHaveCountAsync(0);
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("diff-one-version");
        });
}
