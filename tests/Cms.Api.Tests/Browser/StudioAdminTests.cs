using Cms.Api.Tests.Infrastructure;
using Cms.Api.Tests.Webhooks;
using Cms.Model.Security;
using Microsoft.Playwright;

namespace Cms.Api.Tests.Browser;

/// <summary>
/// The studio's admin screens in a real Chromium against a real CMS and a real webhook receiver on loopback: an API key
/// made (its secret shown once and working), revoked (and refused from then on); a webhook subscribed, sent a signed test
/// event that the receiver verifies, redelivered, paused and deleted. Other roles see no admin screens.
/// </summary>
[Collection(WebhookReceiverTests.Name)]
public sealed class StudioAdminTests(WebhookReceiverFixture receiver, Chromium chromium) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task An_admin_makes_and_revokes_a_key_and_subscribes_tests_redelivers_pauses_and_deletes_a_webhook()
    {
        using var factory = new CmsApiFactory()
            .WithSetting("RateLimits:MutationsPerMinute", "0")
            .WithSetting("Webhooks:PollInterval", "00:00:00.050")
            .WithSetting("Webhooks:AllowedHosts:0", "127.0.0.1");
        var studio = new Uri(factory.StartOnLoopback(), "/studio");
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await StudioSignIn.SignInAsync(page, studio, await factory.CreateApiKeyAsync(Role.Admin, "studio-admin"));

        // API keys: one made for an editor, shown once, working; then revoked and refused.
        await page.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("newsroom-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the key" }).ClickAsync();
        var secret = await page.GetByTestId("new-secret").Locator("code").TextContentAsync();
        Assert.StartsWith("cmsk_", secret, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("tr[data-key='newsroom-editor']")).ToContainTextAsync("Editor");
        await Accessibility.AssertNoViolationsAsync(page, "api keys");
        await browser.ScreenshotAsync("studio-api-keys");
        Assert.Equal((200, "EDITOR"), await RoleOfAsync(factory, secret!));

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke newsroom-editor" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-key='newsroom-editor'] .status-cell")).ToContainTextAsync("Revoked");
        Assert.Equal(401, (await RoleOfAsync(factory, secret!)).Status);

        // Webhooks: subscribed to a real receiver, which verifies the signature of the test event with the secret shown once.
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        var url = receiver.Receiver.UrlOf("studio-admin");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "URL", Exact = true }).FillAsync(url);
        await page.GetByLabel("Description (optional)").FillAsync("The website's cache");
        await page.Locator("label.checkbox", new() { HasText = "Media added" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Media added" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        var signingSecret = await page.GetByTestId("new-secret").Locator("code").TextContentAsync();
        await receiver.Receiver.ConfigureAsync("studio-admin", [signingSecret!]);
        var hook = page.Locator($"li[data-webhook='{url}']");
        await Assertions.Expect(hook).ToContainTextAsync("Article published, Article unpublished, Media added");

        await hook.GetByRole(AriaRole.Button, new() { Name = "Send a test event" }).ClickAsync();
        var received = await receiver.Receiver.WaitForAsync("studio-admin", 1);
        Assert.Equal("webhook.test", received[0]["type"]!.GetValue<string>());
        // The log is read when asked for: refresh until the dispatcher has recorded the answer.
        var succeeded = hook.GetByTestId("deliveries").Locator("tr[data-status='SUCCEEDED']");
        for (var attempt = 0; attempt < 50 && await succeeded.CountAsync() == 0; attempt++)
        {
            await hook.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
            await Task.Delay(200);
        }

        await Assertions.Expect(succeeded).ToHaveCountAsync(1);
        await Accessibility.AssertNoViolationsAsync(page, "webhooks");
        await browser.ScreenshotAsync("studio-webhooks");

        await hook.GetByRole(AriaRole.Button, new() { Name = "Redeliver" }).ClickAsync();
        await receiver.Receiver.WaitForAsync("studio-admin", 2);

        await hook.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Assertions.Expect(hook.GetByTestId("webhook-state")).ToContainTextAsync("Paused");
        await hook.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No webhooks yet.")).ToBeVisibleAsync();
        browser.AssertNoProblems();
    }

    [BrowserFact]
    public async Task A_publisher_sees_no_admin_screens()
    {
        using var factory = new CmsApiFactory();
        var studio = new Uri(factory.StartOnLoopback(), "/studio");
        await using var browser = await chromium.NewPageAsync();
        await StudioSignIn.SignInAsync(browser.Page, studio, await factory.CreateApiKeyAsync(Role.Publisher, "studio-publisher"));

        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Media", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" })).ToHaveCountAsync(0);
        browser.AssertNoProblems();
    }

    private static async Task<(int Status, string? Role)> RoleOfAsync(CmsApiFactory factory, string key)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var response = await GraphQLHttp.PostAsync(client, new { query = "{ me { role } }" });
        return (response.Status, response.Body?["data"]?["me"]?["role"]?.GetValue<string>());
    }
}
