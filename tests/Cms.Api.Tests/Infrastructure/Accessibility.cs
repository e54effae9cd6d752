using System.Text.Json;
using Microsoft.Playwright;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// axe-core (the engine behind <c>@axe-core/playwright</c>; pinned in tests/js) run on a page: every WCAG 2.1 A and AA
/// rule and axe's best practices. Evaluated through the browser's debugging protocol, so the page's policy still forbids
/// every injected script of its own.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> Engine = new(() => File.ReadAllText(Path.Combine(Node.ScriptsFolder, "node_modules", "axe-core", "axe.min.js")));

    /// <summary>Fails with every violation (rule, impact, the elements) axe finds on the page as it now is.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string screen)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Node.EnsureInstalledAsync();
        await page.EvaluateAsync(Engine.Value);
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });" +
            " return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })); }");
        var violations = result.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {screen}:\n" + string.Join('\n', violations));
    }
}
