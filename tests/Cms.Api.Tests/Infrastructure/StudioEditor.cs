using Microsoft.Playwright;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>The studio's article editor, which appears in stages (the top first, Markdown editors a moment later).</summary>
public static class StudioEditor
{
    /// <summary>
    /// Waits until the whole form is there: its last part (sources) shown and every section's Markdown editor made. A test
    /// that drags or measures the form before that would race the parts still appearing below.
    /// </summary>
    public static async Task WaitUntilCompleteAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page.Locator("fieldset legend", new() { HasText = "Sources" })).ToBeAttachedAsync();
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=markdown-editor]')].every(host => host.shadowRoot?.querySelector('.cm-content'))");
    }
}
