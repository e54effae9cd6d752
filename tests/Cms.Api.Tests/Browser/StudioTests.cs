using System.Net;
using System.Text.RegularExpressions;
using Cms.Api.Studio;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;
using Microsoft.Playwright;

namespace Cms.Api.Tests.Browser;

/// <summary>
/// The studio at /studio in a real Chromium against a real CMS: signing in with a key, the article list's search, filters,
/// sort and keyset paging, signing out; axe-core on every screen, at 1280 and at 768 pixels wide; and how it is served.
/// </summary>
public sealed partial class StudioTests(Chromium chromium) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task An_editor_signs_in_with_a_key_and_finds_articles_by_search_status_date_and_page()
    {
        using var factory = new CmsApiFactory().WithSetting("RateLimits:MutationsPerMinute", "0");
        var endpoint = factory.StartOnLoopback();
        var studio = new Uri(endpoint, "/studio");
        var editorKey = await factory.CreateApiKeyAsync(Role.Editor, "studio-editor");
        await CreateDraftsAsync(factory, 25);
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync(studio.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the studio" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page, "sign-in");
        await browser.ScreenshotAsync("studio-sign-in");

        // Keyboard only: the key field has focus after one Tab, Enter submits.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("API key")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(editorKey);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("caller")).ToHaveTextAsync("studio-editor · Editor");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/studio/articles$"));
        var summary = page.Locator(".summary");
        await Assertions.Expect(summary).ToHaveTextAsync("Showing 20 of 34");
        await Accessibility.AssertNoViolationsAsync(page, "articles");
        await browser.ScreenshotAsync("studio-articles");

        // Keyset paging: the second page has the other 14, and the first page comes back.
        var firstTitle = await page.Locator("tbody .title").First.TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(summary).ToHaveTextAsync("Showing 14 of 34");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "First page" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody .title").First).ToHaveTextAsync(firstTitle!);

        // Search in titles.
        await page.GetByLabel("Search titles").FillAsync("Marathon");
        await Assertions.Expect(summary).ToHaveTextAsync("Showing 1 of 1");
        await Assertions.Expect(page.Locator("tbody .title")).ToHaveTextAsync(["Athens defeats the Persian landing at Marathon"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();

        // Status, chosen with the keyboard: the drafts made above and one demo article are not published.
        await page.GetByRole(AriaRole.Button, new() { Name = "Any status Status" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Option, new() { Name = "Draft", Exact = true }).ClickAsync();
        await Assertions.Expect(summary).ToHaveTextAsync("Showing 20 of 26");
        await Assertions.Expect(page.Locator("tbody .status").First).ToHaveTextAsync("Draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();

        // The years of the event, BCE as negative numbers.
        await page.GetByLabel("From year").FillAsync("-600");
        await page.GetByLabel("To year").FillAsync("-400");
        await Assertions.Expect(page.Locator("tbody .title")).ToHaveTextAsync(["Athens defeats the Persian landing at Marathon"]);
        await Assertions.Expect(page.Locator("tbody td").First).ToContainTextAsync("BCE");

        // Narrow screens: the same screen at 768 pixels (the table scrolls sideways), still without violations.
        await page.SetViewportSizeAsync(768, 1000);
        await Accessibility.AssertNoViolationsAsync(page, "articles at 768 px");
        await browser.ScreenshotAsync("studio-articles-768");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the studio" })).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('cms-studio-api-key')"));
        browser.AssertNoProblems();
    }

    [BrowserFact]
    public async Task A_refused_key_is_explained_at_the_field_a_reload_keeps_a_good_one_and_a_viewer_has_nothing_to_save_with()
    {
        using var factory = new CmsApiFactory();
        var studio = new Uri(factory.StartOnLoopback(), "/studio/articles");
        var viewerKey = await factory.CreateApiKeyAsync(Role.Viewer, "studio-viewer");
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync(studio.ToString());
        await page.GetByLabel("API key").FillAsync("cmsk_not_a_key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("That key was not accepted.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("API key")).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoViolationsAsync(page, "sign-in with a refused key");
        await browser.ScreenshotAsync("studio-sign-in-refused");

        await page.GetByLabel("API key").FillAsync(viewerKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("caller")).ToHaveTextAsync("studio-viewer · Viewer");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("caller")).ToHaveTextAsync("studio-viewer · Viewer");
        await Assertions.Expect(page.Locator(".summary")).ToHaveTextAsync("Showing 9 of 9");

        // A viewer may read an article in the editor, and is told why there is nothing to save with.
        await page.GetByRole(AriaRole.Link, new() { Name = "Athens defeats the Persian landing at Marathon" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your role can read this article but not save it; an editor can.")).ToHaveRoleAsync(AriaRole.Note);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save a new version" })).ToHaveCountAsync(0);

        // A reload shows the studio at once with the caller kept at sign-in while the key is checked again; revoked
        // meanwhile, the studio signs out and says why.
        await factory.RevokeApiKeyAsync(viewerKey);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the studio" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("That key was not accepted.", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('cms-studio-api-key') ?? sessionStorage.getItem('cms-studio-caller')"));

        // The refused key's answers (and the browser's console lines about them) are the only problems the page had.
        var unexpected = browser.Problems
            .Where(p => !p.StartsWith("response 401: ", StringComparison.Ordinal) && !p.Contains("status of 401", StringComparison.Ordinal))
            .ToList();
        Assert.True(unexpected.Count == 0, "The page had problems:\n" + string.Join('\n', unexpected));
    }

    [BrowserFact]
    public async Task An_editor_saves_a_version_with_ctrl_s_and_a_second_editor_keeps_their_edit_after_the_conflict_without_undoing_the_first()
    {
        using var factory = new CmsApiFactory().WithSetting("RateLimits:MutationsPerMinute", "0");
        var studio = new Uri(factory.StartOnLoopback(), "/studio");
        await using var first = await chromium.NewPageAsync();
        await using var second = await chromium.NewPageAsync();
        await StudioSignIn.SignInAsync(first.Page, studio, await factory.CreateApiKeyAsync(Role.Editor, "first-editor"));
        await StudioSignIn.SignInAsync(second.Page, studio, await factory.CreateApiKeyAsync(Role.Editor, "second-editor"));
        foreach (var page in new[] { first.Page, second.Page })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Athens defeats the Persian landing at Marathon" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Athens defeats the Persian landing at Marathon" })).ToBeVisibleAsync();
        }

        // Presence: the second to open the article is told at once who else has it open.
        var b = second.Page;
        await Assertions.Expect(b.GetByTestId("presence")).ToContainTextAsync("Also open here: first-editor (since ");
        await second.ScreenshotAsync("studio-presence");

        // The second editor starts an edit of the summary before the first saves anything.
        await b.GetByLabel("Lead summary").FillAsync("A second editor's sharper summary.");

        var a = first.Page;
        await Assertions.Expect(a.GetByTestId("date-display")).ToContainTextAsync("490 BCE");
        await Accessibility.AssertNoViolationsAsync(a, "editor");
        await first.ScreenshotAsync("studio-editor");

        // The first editor renames it and adds a section, moving it up with the keyboard, then saves with Ctrl+S.
        await a.GetByLabel("Title", new() { Exact = true }).FillAsync("Athens defeats the Persian landing at Marathon, revised");
        await a.GetByRole(AriaRole.Button, new() { Name = "Add a section" }).ClickAsync();
        // The demo article has three sections: the new one is the fourth, and moving it up makes it the third.
        var added = a.GetByRole(AriaRole.Group, new() { Name = "Section 4" });
        await added.GetByLabel("Heading").FillAsync("What came after?");
        await added.GetByLabel("Text (Markdown)").FillAsync("Ten years later Xerxes came with a far larger army.");
        await added.GetByRole(AriaRole.Button, new() { Name = "Move section 4 up" }).FocusAsync();
        await a.Keyboard.PressAsync("Enter");
        await a.GetByLabel("What this version changes").FillAsync("Adds the aftermath");
        await Assertions.Expect(a.GetByText("Unsaved changes")).ToBeVisibleAsync();
        await a.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(a.GetByText("Saved as version 3.")).ToBeVisibleAsync();

        var saved = await ReadLatestAsync(factory);
        Assert.Equal("Athens defeats the Persian landing at Marathon, revised", saved["title"]!.GetValue<string>());
        Assert.Equal("What came after?", saved["sections"]![2]!["heading"]!.GetValue<string>());
        Assert.Equal("Adds the aftermath", saved["version"]!["changeNote"]!.GetValue<string>());

        // The second editor, still on version 2, is told at once that version 3 was saved, and by whom; their edit
        // stays. Saving anyway is refused as a conflict, which shows what version 3 changed; carrying the edit onto
        // version 3 keeps the first editor's title and section.
        await Assertions.Expect(b.GetByTestId("live-notice")).ToContainTextAsync("Version 3 was just saved by first-editor");
        await Assertions.Expect(b.GetByLabel("Lead summary")).ToHaveValueAsync("A second editor's sharper summary.");
        await b.GetByRole(AriaRole.Button, new() { Name = "Save a new version" }).ClickAsync();
        var conflict = b.Locator(".conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("saved version 3");
        await Assertions.Expect(conflict.GetByTestId("comparison")).ToContainTextAsync("What came after?");
        await Assertions.Expect(conflict.GetByTestId("comparison").Locator("tr[data-field='title'] td.new")).ToHaveTextAsync("Athens defeats the Persian landing at Marathon, revised");
        await Accessibility.AssertNoViolationsAsync(b, "editor with a conflict");
        await second.ScreenshotAsync("studio-editor-conflict");
        await b.GetByRole(AriaRole.Button, new() { Name = "Keep my edits on the newer version" }).ClickAsync();
        await Assertions.Expect(b.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Athens defeats the Persian landing at Marathon, revised");
        await Assertions.Expect(b.GetByLabel("Lead summary")).ToHaveValueAsync("A second editor's sharper summary.");
        await b.GetByRole(AriaRole.Button, new() { Name = "Save a new version" }).ClickAsync();
        await Assertions.Expect(b.GetByText("Saved as version 4.")).ToBeVisibleAsync();

        var merged = await ReadLatestAsync(factory);
        Assert.Equal("Athens defeats the Persian landing at Marathon, revised", merged["title"]!.GetValue<string>());
        Assert.Equal("A second editor's sharper summary.", merged["summary"]!.GetValue<string>());
        Assert.Equal(4, merged["sections"]!.AsArray().Count);
        first.AssertNoProblems();
        second.AssertNoProblems();
    }

    [Fact]
    public async Task The_studio_is_served_under_its_policy_with_immutable_gzipped_assets_and_every_path_gets_the_page()
    {
        using var factory = new CmsApiFactory();
        using var client = factory.CreateClient();
        using var page = await client.GetAsync(new Uri("/studio/articles/some-deep-link", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new StudioOptions().ContentSecurityPolicy(), page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self';", new StudioOptions().ContentSecurityPolicy(), StringComparison.Ordinal);
        Assert.Equal("no-cache", page.Headers.CacheControl!.ToString());
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        // The stylesheet is asked for before the scripts, so the bar index.html paints does not wait behind them.
        Assert.InRange(html.IndexOf("<link rel=\"stylesheet\"", StringComparison.Ordinal), 0, html.IndexOf("<script type=\"module\"", StringComparison.Ordinal));
        var script = ScriptSource().Match(html).Groups["src"].Value;
        Assert.StartsWith("/studio/assets/", script, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var asset = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("gzip", asset.Content.Headers.ContentEncoding.Single());
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl!.ToString());
        Assert.InRange(asset.Content.Headers.ContentLength!.Value, 1, 300 * 1024);

        using var missing = await client.GetAsync(new Uri("/studio/assets/nothing-here.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // The deployment's settings the app reads at start, and media origins (a blob account, a CDN) in the policy.
        using var settings = await client.GetAsync(new Uri("/studio/settings.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Equal("no-cache", settings.Headers.CacheControl!.ToString());
        Assert.Equal("""{"previewUrl":"http://localhost:5173/preview?article={slug}&token={token}"}""", await settings.Content.ReadAsStringAsync());
        using var withMedia = new CmsApiFactory()
            .WithSetting("Studio:MediaOrigins:0", "https://account.blob.core.windows.net")
            .WithSetting("Studio:PreviewUrl", "https://www.example.org/preview/{slug}?t={token}");
        using var withMediaClient = withMedia.CreateClient();
        using var mediaPage = await withMediaClient.GetAsync(new Uri("/studio", UriKind.Relative));
        var policy = mediaPage.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("connect-src 'self' https://account.blob.core.windows.net;", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data: blob: https://account.blob.core.windows.net;", policy, StringComparison.Ordinal);
        using var customSettings = await withMediaClient.GetAsync(new Uri("/studio/settings.json", UriKind.Relative));
        Assert.Contains("https://www.example.org/preview/{slug}?t={token}", await customSettings.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var off = new CmsApiFactory().WithSetting("Studio:Enabled", "false");
        using var offClient = off.CreateClient();
        using var none = await offClient.GetAsync(new Uri("/studio", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task Organisation_sign_in_reaches_the_studio_through_its_settings_and_its_policy_allows_the_authority()
    {
        using var factory = WithEntraSignIn(new CmsApiFactory());
        using var client = factory.CreateClient();

        using var settings = await client.GetAsync(new Uri("/studio/settings.json", UriKind.Relative));
        var signIn = System.Text.Json.Nodes.JsonNode.Parse(await settings.Content.ReadAsStringAsync())!["signIn"]!;
        Assert.Equal("https://login.microsoftonline.com/7f3c0e0e-0000-4000-8000-000000000001", (string?)signIn["authority"]);
        Assert.Equal("0a1b2c3d-0000-4000-8000-000000000002", (string?)signIn["clientId"]);
        Assert.Equal("api://cms-api/Content.ReadWrite", (string?)signIn["scopes"]![0]);

        // MSAL reads the authority's metadata and redeems the code with fetch: that origin and no other joins connect-src.
        using var page = await client.GetAsync(new Uri("/studio", UriKind.Relative));
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("connect-src 'self' https://login.microsoftonline.com;", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Studio:SignIn:Authority", "http://login.example.org/tenant", "SignIn:Authority")]
    [InlineData("Studio:SignIn:Scopes:0", "", "SignIn:Scopes")]
    public void Organisation_sign_in_without_an_https_authority_or_a_scope_stops_the_server_at_start_up(string key, string value, string expected)
    {
        using var api = WithEntraSignIn(new CmsApiFactory()).WithSetting(key, value);

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => api.CreateClient());

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Studio:PreviewUrl", "/preview?token={token}", "Studio:PreviewUrl")]
    [InlineData("Studio:PreviewUrl", "https://www.example.org/preview/{slug}", "{token}")]
    [InlineData("Studio:MediaOrigins:0", "https://account.blob.core.windows.net/media", "Studio:MediaOrigins")]
    public void A_preview_url_without_a_token_or_a_media_origin_with_a_path_stops_the_server_at_start_up(string key, string value, string expected)
    {
        using var api = new CmsApiFactory().WithSetting(key, value);

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => api.CreateClient());

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    private static CmsApiFactory WithEntraSignIn(CmsApiFactory factory) => factory
        .WithSetting("Studio:SignIn:Authority", "https://login.microsoftonline.com/7f3c0e0e-0000-4000-8000-000000000001")
        .WithSetting("Studio:SignIn:ClientId", "0a1b2c3d-0000-4000-8000-000000000002")
        .WithSetting("Studio:SignIn:Scopes:0", "api://cms-api/Content.ReadWrite");

    /// <summary>The Marathon article's latest version, read through the API.</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> ReadLatestAsync(CmsApiFactory factory)
    {
        using var viewer = factory.CreateClient();
        viewer.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateApiKeyAsync(Role.Viewer));
        var response = await GraphQLHttp.PostAsync(viewer, new { query = """{ article(slug: "battle-of-marathon", stage: DRAFT) { title summary sections { heading } version { number changeNote } } }""" });
        Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        return response.Body!["data"]!["article"]!;
    }

    private static async Task CreateDraftsAsync(CmsApiFactory factory, int count)
    {
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateApiKeyAsync(Role.Admin));
        foreach (var batch in Enumerable.Range(1, count).Chunk(10))
        {
            var creates = string.Concat(batch.Select(i =>
                $$"""a{{i}}: createArticle(input: { title: "A draft about year {{1700 + i}}", summary: "A draft.", historicalDate: { start: { year: {{1700 + i}} }, precision: YEAR }, sections: [{ heading: "What happened?", body: "Something." }] }) { errors { __typename } } """));
            var response = await GraphQLHttp.PostAsync(admin, new { query = $"mutation {{ {creates} }}" });
            Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        }
    }

    [GeneratedRegex("<script type=\"module\"[^>]* src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();
}
