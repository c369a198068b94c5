using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerEthics.BrowserTests.Infrastructure;
using PeerEthics.Data;
using PeerEthics.People;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class RegistryJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private readonly KestrelAppFactory _app = fixture.App;

    [Fact]
    public Task A_member_of_the_public_finds_a_specialist_by_name_with_or_without_accents_and_looks_up_a_number() =>
        JourneyAsync("registry-lookup", async () =>
        {
            await ListedAsync("Zoë Quennell-Ávila", "CPS-700001", CredentialStatus.Certified, "massachusetts-cps");
            await ListedAsync("Zoe Quennell", "CMPS-700002", CredentialStatus.Suspended, "missouri-cmps");
            await ListedAsync("Zoë Quennell-Trainee", null, CredentialStatus.Trainee, "massachusetts-cps");

            await OpenAsync("/registry");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check a peer specialist's credential");
            await Expect(Page.Locator("#last-updated time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex(@"^\d{4}-\d\d-\d\dT"));
            await AssertAccessibleAsync();

            // Too short first: the error names the rule and keeps what was typed.
            await Page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("q");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("at least 2 letters");
            await Expect(Page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true })).ToHaveValueAsync("q");
            await AssertAccessibleAsync();

            await Page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("zoe quennell");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            var results = Page.Locator("#results tbody tr");
            await Expect(results).ToHaveCountAsync(2);
            await Expect(Page.Locator("#results")).ToContainTextAsync("Zoë Quennell-Ávila");
            await Expect(Page.Locator("#results")).ToContainTextAsync("Suspended");
            await Expect(Page.Locator("#results")).Not.ToContainTextAsync("Trainee");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("registry-results");

            await Page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("ÁVILA");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await Expect(results).ToHaveCountAsync(1);
            await Page.GetByRole(AriaRole.Link, new() { Name = "Zoë Quennell-Ávila" }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/registry/CPS-700001$"));
            await Expect(Page.Locator("#entry-status")).ToContainTextAsync("Certified");
            await Expect(Page.Locator("#entry-program")).ToContainTextAsync("Massachusetts");
            await Expect(Page.Locator("#notices")).ToContainTextAsync("None");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("registry-entry");

            await OpenAsync("/registry");
            await Page.GetByRole(AriaRole.Textbox, new() { Name = "Credential number", Exact = true }).FillAsync(" cmps-700002 ");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/registry/CMPS-700002$"));
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zoe Quennell");
            await Expect(Page.Locator("#entry-status")).ToContainTextAsync("paused by the program");
            Assert.True(await FitsTheWidthAsync());

            await OpenAsync("/registry/CPS-799999", status: 404);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("No listed credential has this number");
            await AssertAccessibleAsync();

            await Page.SetViewportSizeAsync(360, 800);
            await OpenAsync("/registry?q=quennell");
            Assert.True(await FitsTheWidthAsync(), "the registry's results scroll sideways on a phone");
        });

    private async Task ListedAsync(string name, string? number, CredentialStatus status, string program)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PeerEthicsDb>();
        if (number is not null && await db.Credentials.AnyAsync(c => c.Number == number))
        {
            return;
        }

        var programId = await db.Programs.Where(p => p.Slug == program).Select(p => p.Id).SingleAsync();
        var person = new Person { LegalName = name, Email = $"{Guid.NewGuid():N}@example.org", CreatedAt = _app.Clock.GetUtcNow() };
        person.Credentials.Add(new Credential { ProgramId = programId, Number = number, Status = status, ExpiresOn = new DateOnly(2027, 10, 31) });
        db.People.Add(person);
        await db.SaveChangesAsync();
    }
}
