using Microsoft.Playwright;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>Signing in to the studio as an editor does: the key pasted, Sign in pressed, the caller shown.</summary>
public static class StudioSignIn
{
    public static async Task SignInAsync(IPage page, Uri studio, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(studio);
        await page.GotoAsync(studio.ToString());
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("caller")).ToBeVisibleAsync();
    }
}
