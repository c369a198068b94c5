using Microsoft.Playwright;
using PeerEthics.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class CodesJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_visitor_goes_from_the_home_page_to_the_Massachusetts_code_and_reads_principle_13_and_the_pledge() =>
        JourneyAsync("read-massachusetts", async () =>
        {
            await OpenAsync("/");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("home");

            await Page.GetByRole(AriaRole.Link, new() { Name = "Read a code of ethics" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Codes of ethics");
            await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Certified Missouri Peer Specialist Code of Ethics", Exact = false })).ToBeVisibleAsync();
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("codes-list");

            await Page.GetByRole(AriaRole.Link, new() { Name = "Certified Peer Specialists Code of Ethics Massachusetts" }).ClickAsync();
            var code = new CodePage(Page);
            await Expect(code.Title).ToHaveTextAsync("Certified Peer Specialists Code of Ethics Massachusetts");
            await Expect(code.Principle(13)).ToContainTextAsync("13.");
            await Expect(code.Principle(13)).ToContainTextAsync("never engage in sexual/intimate activities");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Pledge", Exact = true })).ToBeVisibleAsync();
            await Expect(code.Pledge).ToContainTextAsync("fully understand the Code of Ethics and commit myself");
            await Expect(code.Fingerprint).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("code-massachusetts");
        });

    [Fact]
    public Task The_print_view_and_the_print_stylesheet_leave_out_the_navigation_and_keep_the_fingerprint() =>
        JourneyAsync("print", async () =>
        {
            await OpenAsync("/codes/massachusetts-cps");
            var code = new CodePage(Page);

            await Page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(code.MainNavigation).ToBeHiddenAsync();
            await Expect(code.Fingerprint).ToBeVisibleAsync();
            await KeepScreenshotAsync("code-massachusetts-print-stylesheet");
            await Page.EmulateMediaAsync(new() { Media = Media.Screen });

            await code.PrintViewLink.ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/codes/massachusetts-cps/versions/1/print$"));
            await Expect(code.MainNavigation).ToHaveCountAsync(0);
            await Expect(code.Principle(13)).ToContainTextAsync("13.");
            await Expect(Page.Locator("#source-url")).ToContainTextAsync("/codes/massachusetts-cps/versions/1");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("print-view");
        });

    [Fact]
    public Task A_reader_of_a_version_not_yet_in_force_is_told_so_and_led_to_the_version_in_force() =>
        JourneyAsync("version-not-in-force", async () =>
        {
            await OpenAsync("/codes/missouri-cmps");
            await Page.Locator("#version-list").GetByRole(AriaRole.Link, new() { Name = "Version 2" }).ClickAsync();

            await Expect(Page.Locator("#not-in-force")).ToContainTextAsync("version 2, which is not yet in force");
            await Expect(new CodePage(Page).Principle(18)).ToContainTextAsync("continuing education");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("code-missouri-version-2");

            await Page.GetByRole(AriaRole.Link, new() { Name = "Read version 1, the version in force" }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/codes/missouri-cmps$"));
            await Expect(Page.Locator("#not-in-force")).ToHaveCountAsync(0);
        });

    [Fact]
    public Task An_unknown_code_shows_the_not_found_page_with_ways_back() =>
        JourneyAsync("not-found", async () =>
        {
            await OpenAsync("/codes/no-such-code", status: 404);

            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
            await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Codes of ethics" })).ToBeVisibleAsync();
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("not-found");
        });

    [Fact]
    public Task A_keyboard_user_can_skip_straight_to_the_main_content() =>
        JourneyAsync("skip-link", async () =>
        {
            await OpenAsync("/codes");

            await Page.Keyboard.PressAsync("Tab");
            var skip = Page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
            await Expect(skip).ToBeFocusedAsync();
            await Expect(skip).ToBeInViewportAsync();
            await Page.Keyboard.PressAsync("Enter");
            await Expect(Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        });

    [Theory]
    [InlineData("/", "home")]
    [InlineData("/codes", "codes-list")]
    [InlineData("/codes/massachusetts-cps", "code-massachusetts")]
    [InlineData("/codes/missouri-cmps/versions/2", "code-missouri-version-2")]
    [InlineData("/codes/massachusetts-cps/versions/1/print", "print-view")]
    [InlineData("/codes/missouri-cmps/diff", "diff-missouri")]
    public Task Each_page_reads_at_320_pixels_wide_without_scrolling_sideways(string path, string name) =>
        JourneyAsync($"narrow-{name}", async () =>
        {
            await Page.SetViewportSizeAsync(320, 640);
            await OpenAsync(path);

            // Reflow only: each of these pages has its accessibility checked at full width by its own journey.
            Assert.True(await FitsTheWidthAsync(), $"{path} is wider than 320 px: it scrolls sideways.");
            await KeepScreenshotAsync($"narrow-{name}");
        });
}
