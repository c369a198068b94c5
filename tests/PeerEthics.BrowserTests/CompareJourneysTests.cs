using Microsoft.Playwright;
using PeerEthics.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class CompareJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_visitor_compares_Massachusetts_with_Missouri_and_sees_the_pairs_and_what_only_one_code_has() =>
        JourneyAsync("compare", async () =>
        {
            await OpenAsync("/");
            await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Compare codes" }).ClickAsync();
            var compare = new ComparePage(Page);

            await Expect(compare.FirstCode).ToHaveValueAsync("massachusetts-cps");
            await Expect(compare.SecondCode).ToHaveValueAsync("missouri-cmps");
            await Expect(compare.Pairs.First).ToContainTextAsync("self-determination");
            await Expect(compare.OnlyIn("Massachusetts Certified Peer Specialist (CPS)")).ToBeVisibleAsync();
            await Expect(compare.OnlyIn("Certified Missouri Peer Specialist (CMPS)")).ToBeVisibleAsync();
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("compare");

            await compare.FirstCode.SelectOptionAsync("missouri-cmps");
            await compare.SecondCode.SelectOptionAsync("massachusetts-cps");
            await compare.CompareButton.ClickAsync();

            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("left=missouri-cmps&right=massachusetts-cps"));
            await Expect(compare.FirstCode).ToHaveValueAsync("missouri-cmps");
            await Expect(Page.Locator("#only-left")).ToContainTextAsync("Only in Certified Missouri Peer Specialist (CMPS)");
        });

    [Fact]
    public Task On_a_narrow_screen_the_two_codes_of_a_pair_stack_each_with_its_label() =>
        JourneyAsync("compare-narrow", async () =>
        {
            await Page.SetViewportSizeAsync(320, 640);
            await OpenAsync("/compare");
            var sides = new ComparePage(Page).Pairs.First.Locator(".side");

            var left = await sides.Nth(0).BoundingBoxAsync();
            var right = await sides.Nth(1).BoundingBoxAsync();
            Assert.True(right!.Y >= left!.Y + left.Height, "On a 320 px screen the second code of a pair should sit below the first.");
            await Expect(sides.Nth(1).Locator(".side-label")).ToContainTextAsync("Certified Missouri Peer Specialist (CMPS), principle");
            Assert.True(await FitsTheWidthAsync(), "The comparison is wider than 320 px: it scrolls sideways.");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("narrow-compare");
        });
}
