using Microsoft.Playwright;
using PeerEthics.Accounts;
using PeerEthics.BrowserTests.Infrastructure;
using PeerEthics.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerEthics.BrowserTests;

/// <summary>A registrar imports people from a spreadsheet: a file with a problem first, then the corrected one.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ImportJourneysTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static byte[] Sample => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "people.csv"));

    protected override IEnumerable<KeyValuePair<string, string>>? SignInHeaders =>
    [
        new(TestSignIn.UserHeader, "import-registrar"),
        new(TestSignIn.RolesHeader, Roles.Registrar),
        new(TestSignIn.MfaHeader, "true"),
    ];

    [Fact]
    public Task A_registrar_sees_every_problem_by_row_then_imports_the_corrected_file() =>
        JourneyAsync("import-people", async () =>
        {
            await OpenAsync("/staff/people/import");
            await AssertAccessibleAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Choose the CSV file");
            await AssertAccessibleAsync();

            // A program's spreadsheet with a typo in one row: the problem is named by row and column, nothing imported.
            var broken = System.Text.Encoding.UTF8.GetString(Sample).Replace("dan.whitfield@example.org", "dan.whitfield.example.org", StringComparison.Ordinal);
            await Page.GetByLabel("Program").SelectOptionAsync(new SelectOptionValue { Value = Seeds.Missouri });
            await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(broken) });
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Expect(Page.Locator("#error-summary")).ToContainTextAsync("Nothing was imported");
            await Expect(Page.Locator("#problems tbody tr")).ToHaveCountAsync(12);
            await Expect(Page.Locator("#problems")).ToContainTextAsync("The email address must look like name@example.org.");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("import-problems");

            // Against the right program, the corrected file is previewed, then imported on confirmation.
            await Page.GetByRole(AriaRole.Link, new() { Name = "Upload the corrected file" }).ClickAsync();
            await Page.GetByLabel("Program").SelectOptionAsync(new SelectOptionValue { Value = Seeds.Massachusetts });
            await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Sample });
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Expect(Page.Locator("#row-count")).ToHaveTextAsync("14");
            await AssertAccessibleAsync();
            await KeepScreenshotAsync("import-preview");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Import 14 people" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 14 people");
            await Expect(Page.Locator("#people")).ToContainTextAsync("Daniel Whitfield");
        });
}
