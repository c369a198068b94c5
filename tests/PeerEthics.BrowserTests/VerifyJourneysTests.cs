using Microsoft.Playwright;
using PeerEthics.BrowserTests.Infrastructure;
using PeerEthics.Tests.Ledger;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class VerifyJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private readonly KestrelAppFactory _app = fixture.App;

    [Fact]
    public Task A_visitor_types_the_id_from_a_certificate_and_is_told_the_commitment_is_valid() =>
        JourneyAsync("verify-commitment", async () =>
        {
            var record = await LedgerTestData.RecordAsync(_app, "María José Núñez");
            await LedgerTestData.AppendAsync(_app, record);

            await OpenAsync("/verify");
            await AssertAccessibleAsync();
            await Page.GetByLabel("Commitment id").FillAsync("not the id");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            await Expect(Page.Locator("#id-error")).ToContainTextAsync("36 letters, digits and dashes");
            await Expect(Page.GetByLabel("Commitment id")).ToHaveValueAsync("not the id");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("verify-form-error");

            await Page.GetByLabel("Commitment id").FillAsync(record.CommitmentId.ToUpperInvariant());
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/verify/{record.CommitmentId}$"));
            await Expect(Page.Locator("#result")).ToContainTextAsync("Valid");
            await Expect(Page.Locator("#signed")).ToContainTextAsync("María José Núñez");
            await Expect(Page.Locator("#key-id")).ToHaveTextAsync(LedgerTestData.PublicKey(_app).KeyId);
            Assert.True(await FitsTheWidthAsync());
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("verify-valid");

            var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download the proof (JSON)" }).ClickAsync());
            Assert.Equal($"commitment-{record.CommitmentId}-proof.json", download.SuggestedFilename);

            await Page.SetViewportSizeAsync(360, 800);
            Assert.True(await FitsTheWidthAsync(), "the verification page scrolls sideways on a phone");
        });

    [Fact]
    public Task An_unknown_commitment_gets_a_page_that_explains_where_to_find_the_id() =>
        JourneyAsync("verify-unknown", async () =>
        {
            await OpenAsync($"/verify/{Guid.NewGuid()}", status: 404);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("We could not find this commitment");
            await AssertAccessibleAsync();
        });
}
