using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PeerEthics.BrowserTests.Infrastructure;

/// <summary>
/// A test that drives a fresh browser context (no shared cookies or history) on the shared app and Chromium.
/// Steps run inside <see cref="JourneyAsync"/>, which keeps a screenshot when a step fails.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    /// <summary>The WCAG 2.0, 2.1 and 2.2 A and AA rules, and axe's best practices (landmarks, heading order).</summary>
    private static readonly List<string> AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    private IBrowserContext? _context;

    // Playwright waits 5 s for an expectation by default. A loaded 2-core machine (a CI runner, or builds
    // beside the suite) can take longer than that to answer a post that signs or hashes; what is expected stays the same.
    static BrowserTest() => Assertions.SetDefaultExpectTimeout(15_000);

    protected IPage Page { get; private set; } = null!;

    /// <summary>The app the page opens; a journey that changes data may bring an app of its own.</summary>
    protected virtual Uri BaseAddress => fixture.BaseAddress;

    /// <summary>Headers the page sends with every request: a test-only sign-in (see TestSignIn), or none.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>>? SignInHeaders => null;

    public async Task InitializeAsync()
    {
        _context = await NewContextAsync(SignInHeaders);
        Page = await _context.NewPageAsync();
    }

    /// <summary>A fresh context on <see cref="BaseAddress"/>; <paramref name="headers"/> are sent with every request (a test sign-in).</summary>
    protected async Task<IBrowserContext> NewContextAsync(IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            ExtraHTTPHeaders = headers,
        });

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    /// <summary>Runs the steps of a journey; when one fails, the page as it was is kept as <c>failed-{name}.png</c>.</summary>
    protected async Task JourneyAsync(string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot($"failed-{name}"), FullPage = true });
            throw;
        }
    }

    /// <summary>Opens a path of the app and checks the status it answered with.</summary>
    protected async Task OpenAsync(string path, int status = 200) => await OpenAsync(Page, path, status);

    protected static async Task OpenAsync(IPage page, string path, int status = 200)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Status == status, $"GET {path} answered {response.Status}, expected {status}.");
    }

    /// <summary>Keeps a full-page screenshot of the page as it is now.</summary>
    protected Task KeepScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot(name), FullPage = true });

    /// <summary>Runs axe-core on the page; any violation fails the test with the rule, the elements and how to fix them.</summary>
    protected async Task AssertAccessibleAsync() => await AssertAccessibleAsync(Page);

    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = AxeTags } });
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) on {page.Url}:\n{Describe(result.Violations)}");
    }

    /// <summary>True when the page is no wider than the window: nothing to scroll sideways.</summary>
    protected Task<bool> FitsTheWidthAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join('\n', violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}\n" + string.Join('\n', v.Nodes.Select(n => $"    {n.Target}: {n.Html}\n      {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))));
}
