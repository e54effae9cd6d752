using Cms.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cms.Api.Tests.Browser;

/// <summary>
/// Organisation sign-in in the studio (MSAL, authorization code with PKCE) against a real OpenID Connect provider on
/// HTTPS loopback: the editor leaves for the provider's page, comes back to the page they started on signed in with the
/// role of their account, works (queries, a save, the live subscription all carry the bearer token), keeps the sign-in
/// across a reload, and signs out at the provider; an account without a role is told so.
/// </summary>
public sealed class StudioOrganisationSignInTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Marathon = "Athens defeats the Persian landing at Marathon";

    [BrowserFact]
    public async Task An_editor_signs_in_with_the_organisation_account_works_with_its_role_and_signs_out_at_the_provider()
    {
        await using var provider = new OpenIdProvider();
        using var factory = provider.Configure(new CmsApiFactory()).WithSetting("RateLimits:MutationsPerMinute", "0");
        var studio = new Uri(factory.StartOnLoopback(), "/studio/");
        await provider.StartAsync(studio, new Dictionary<string, (string, string[])>
        {
            ["ada"] = ("Ada Lovelace", ["publisher"]),
            ["cleo"] = ("Cleo Nobody", []),
        });

        await using var browser = await chromium.NewPageAsync(ignoreCertificateErrors: true);
        var page = browser.Page;
        // The provider's development pages link a web font from the internet and have no favicon; answered here, so that
        // what the test checks for problems is the studio and the sign-in, not the stand-in's own pages.
        await page.RouteAsync("https://fonts.googleapis.com/**", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/css", Body = string.Empty }));
        await page.RouteAsync(provider.Authority + "/favicon.ico", route => route.FulfillAsync(new() { Status = 204 }));
        var bearerRequests = 0;
        var keyRequests = 0;
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/graphql")
            {
                var headers = request.Headers;
                bearerRequests += headers.TryGetValue("authorization", out var value) && value.StartsWith("Bearer ", StringComparison.Ordinal) ? 1 : 0;
                keyRequests += headers.ContainsKey("x-api-key") ? 1 : 0;
            }
        };
        var connectionInits = 0;
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            if (frame.Text?.Contains("\"connection_init\"", StringComparison.Ordinal) == true && frame.Text.Contains("Bearer ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref connectionInits);
            }
        };

        // A deep link: the sign-in page offers both ways; the organisation's leads to the provider's own page.
        await page.GotoAsync(new Uri(studio, "/studio/media").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "With your organisation account" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page, "sign-in with an organisation account");
        await browser.ScreenshotAsync("studio-sign-in-organisation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation account" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(provider.Authority, StringComparison.Ordinal));
        await page.Locator("input[name=login]").FillAsync("ada");
        await page.Locator("input[name=password]").FillAsync("any password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Back where the editor started, as the account's name and role.
        await Assertions.Expect(page.GetByTestId("caller")).ToContainTextAsync("Ada Lovelace");
        await Assertions.Expect(page.GetByTestId("caller")).ToContainTextAsync("Publisher");
        Assert.EndsWith("/studio/media", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        // Work as a publisher: an article opened (its subscription and presence over the socket), an edit saved, the publish panel offered.
        await page.GetByRole(AriaRole.Link, new() { Name = "Articles" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Marathon }).ClickAsync();
        await page.GetByLabel("Lead summary").FillAsync("Saved by an editor signed in with the organisation account.");
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByText("Saved as version 3.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish version 3" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "History and compare" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-version='3']")).ToContainTextAsync("Ada Lovelace");
        await Task.Delay(500);
        Assert.True(Volatile.Read(ref connectionInits) >= 1, "The live notices' socket did not carry the bearer token in connection_init.");

        // A reload resumes the tab's sign-in without the provider.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("caller")).ToContainTextAsync("Ada Lovelace");
        Assert.True(bearerRequests >= 6, $"{bearerRequests} GraphQL requests carried the bearer token.");
        Assert.Equal(0, keyRequests);

        // Sign-out ends the session at the provider too, and comes back to the sign-in page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation account" })).ToBeVisibleAsync();

        // An account the organisation knows but that has no role in the CMS is told what to ask for.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation account" }).ClickAsync();
        await page.Locator("input[name=login]").FillAsync("cleo");
        await page.Locator("input[name=password]").FillAsync("any password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("your account has no role in the CMS");
        await Assertions.Expect(page.GetByTestId("caller")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("studio-sign-in-organisation-no-role");

        browser.AssertNoProblems();
    }
}
