using Microsoft.Playwright;
using PeerEthics.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

/// <summary>/rules/compare: one situation under every code, side by side, with its traces.</summary>
[Collection(BrowserSuite.Name)]
public sealed class RulesJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private readonly BrowserFixture _fixture = fixture;

    [Fact]
    public Task A_visitor_checks_a_60_dollar_gift_and_sees_each_code_and_why() =>
        JourneyAsync("rules-compare", async () =>
        {
            await OpenAsync("/");
            await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Check a situation" }).ClickAsync();
            await AssertAccessibleAsync();

            await FillGiftAsync(Page, "60");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check against each code" }).ClickAsync();

            var massachusetts = Page.Locator("#evaluation-massachusetts-cps");
            var missouri = Page.Locator("#evaluation-missouri-cmps");
            await Expect(massachusetts.Locator("#outcome-massachusetts-cps")).ToHaveTextAsync("Against the code");
            await Expect(missouri.Locator("#outcome-missouri-cmps")).ToHaveTextAsync("Against the code");
            await Expect(massachusetts).ToContainTextAsync("accept gifts of significant value from those they support");
            await Expect(missouri).ToContainTextAsync("CMPS will not exchange gifts of significant monetary value with those they serve.");

            await massachusetts.GetByText("How this was decided").ClickAsync();
            await Expect(massachusetts.Locator("details")).ToContainTextAsync("significant-value");
            await Expect(massachusetts.Locator("details")).ToContainTextAsync("program setting to confirm");
            await Expect(Page.Locator("#field-value")).ToHaveValueAsync("60");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("rules-compare");
        });

    [Fact]
    public Task A_mistake_is_shown_with_a_link_to_the_field_and_the_answers_kept() =>
        JourneyAsync("rules-compare-error", async () =>
        {
            await OpenAsync("/rules/compare");
            await FillGiftAsync(Page, "sixty");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check against each code" }).ClickAsync();

            var summary = Page.Locator("#error-summary");
            await Expect(summary).ToContainTextAsync("'value' must be an amount in dollars");
            await Expect(Page.Locator("#field-value")).ToHaveValueAsync("sixty");
            await Expect(Page.Locator("#kind-gift")).ToBeCheckedAsync();
            await summary.GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(Page.Locator("#field-value")).ToBeFocusedAsync();
            await AssertAccessibleAsync();
        });

    [Fact]
    public Task On_a_narrow_screen_the_codes_stack_and_nothing_scrolls_sideways() =>
        JourneyAsync("rules-compare-narrow", async () =>
        {
            await Page.SetViewportSizeAsync(320, 640);
            await OpenAsync("/rules/compare");
            await Page.Locator("#kind-intimate-relationship").CheckAsync();
            await Page.Locator("#field-counterpart").SelectOptionAsync("formerly-supported");
            await Page.Locator("#field-supportEnded").FillAsync("2026-03-20");
            await Page.Locator("#field-date").FillAsync("2026-11-20");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check against each code" }).ClickAsync();

            await Expect(Page.Locator("#outcome-massachusetts-cps")).ToHaveTextAsync("Against the code");
            await Expect(Page.Locator("#outcome-missouri-cmps")).ToHaveTextAsync("Needs a supervisor's review");
            var first = await Page.Locator("#evaluation-massachusetts-cps").BoundingBoxAsync();
            var second = await Page.Locator("#evaluation-missouri-cmps").BoundingBoxAsync();
            Assert.True(second!.Y >= first!.Y + first.Height, "On a 320 px screen the second code should sit below the first.");
            Assert.True(await FitsTheWidthAsync(), "The results are wider than 320 px: they scroll sideways.");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("rules-compare-narrow");
        });

    [Fact]
    public async Task The_comparison_works_without_JavaScript()
    {
        await using var context = await _fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _fixture.BaseAddress.ToString(),
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/rules/compare");

        await FillGiftAsync(page, "25.01", counterpart: "currently-supported", direction: "given");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check against each code" }).ClickAsync();

        await Expect(page.Locator("#outcome-massachusetts-cps")).ToHaveTextAsync("Needs a supervisor's review");
        await Expect(page.Locator("#outcome-missouri-cmps")).ToHaveTextAsync("Against the code");
    }

    private static async Task FillGiftAsync(IPage page, string value, string counterpart = "currently-supported", string direction = "received")
    {
        await page.GetByLabel("A gift", new() { Exact = true }).CheckAsync();
        await page.Locator("#field-date").FillAsync("2026-11-20");
        await page.GetByLabel("Who is the other person to you?").SelectOptionAsync(counterpart);
        await page.GetByLabel("For a gift or a loan: did you give it or receive it?").SelectOptionAsync(direction);
        await page.GetByLabel("For a gift or a loan: what is it worth, in dollars?").FillAsync(value);
        await page.GetByLabel("For a gift: is it cash or a gift card?").SelectOptionAsync("false");
    }
}
