using Microsoft.Playwright;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// A real headless Chromium driven by Playwright for .NET: the system's browser (Debian's <c>chromium</c>, or the one
/// <c>CMS_TEST_CHROMIUM</c> names), because Playwright's own browser download is not available everywhere. One browser per
/// test class; each test gets its own context (cookies, storage) and page.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser binary, or null when none is installed (the browser tests are then skipped, saying why).</summary>
    public static string? ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("CMS_TEST_CHROMIUM") is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root, which CI keeps.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(Node.RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (ExecutablePath is null)
        {
            return;
        }

        // Web-first assertions retry until this; five seconds (Playwright's default) is short on two busy cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Tests run as root in containers, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// A fresh page that records console messages, failed requests and error responses for the test to check.
    /// <paramref name="ignoreCertificateErrors"/> lets it open a test's own HTTPS server (a loopback identity provider).
    /// </summary>
    public async Task<BrowserPage> NewPageAsync(bool ignoreCertificateErrors = false)
    {
        var context = await (_browser ?? throw new InvalidOperationException("No browser: the test should have been skipped.")).NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
            IgnoreHTTPSErrors = ignoreCertificateErrors,
        });
        context.SetDefaultTimeout(20_000);
        // Chromium logs a violation of the page's Content-Security-Policy to the console; this names each one explicitly
        // (directive and blocked resource), so a test that expects a clean page cannot miss one.
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')));");
        return new BrowserPage(context, await context.NewPageAsync());
    }
}

/// <summary>A page plus what went wrong on it: console errors (CSP violations among them), failed requests, 4xx/5xx responses.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && !message.Text.Contains("DevTools", StringComparison.Ordinal))
            {
                Record($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"page error: {error}");
        page.RequestFailed += (_, request) =>
        {
            // ERR_ABORTED is the page itself cancelling (navigating on while images load, a srcset switching candidates),
            // not a failure of the server; refused, reset or unreachable requests have other codes.
            if (request.Failure != "net::ERR_ABORTED")
            {
                Record($"request failed: {request.Method} {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Record($"response {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Everything recorded so far; a test that expects a clean page asserts this is empty.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Fails, listing them all, when anything went wrong on the page.</summary>
    public void AssertNoProblems()
    {
        var problems = Problems;
        Assert.True(problems.Count == 0, "The page had problems:\n" + string.Join('\n', problems));
    }

    /// <summary>Saves a full-page screenshot as artifacts/screenshots/{name}.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Chromium.ScreenshotFolder);
        // The viewport is made as tall as the page for the picture: parts of a long form out of view are skipped by
        // content-visibility until they come near it, and a full-page capture alone would show them empty.
        var viewport = Page.ViewportSize;
        var height = await Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        if (viewport is not null && height > viewport.Height)
        {
            await Page.SetViewportSizeAsync(viewport.Width, height);
            await Page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        }

        await Page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, name + ".png"), FullPage = true });
        if (viewport is not null && height > viewport.Height)
        {
            await Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void Record(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}

/// <summary>A test that needs <see cref="Chromium"/>: skipped, with the reason shown, where no browser is installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.ExecutablePath is null)
        {
            Skip = "Chromium is not installed (apt-get install chromium, or set CMS_TEST_CHROMIUM to a Chromium binary); the browser tests did not run.";
        }
    }
}
