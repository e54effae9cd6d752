using System.Net;
using Cms.Api.GraphiQL;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;
using Microsoft.Playwright;

namespace Cms.Api.Tests.Browser;

/// <summary>GraphiQL at /graphql, in a real Chromium: served by the app itself, under its Content-Security-Policy.</summary>
public sealed class GraphiQLTests(Chromium chromium) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task GraphiQL_loads_without_a_failed_request_or_policy_violation_and_runs_a_typed_query_with_an_api_key_header()
    {
        using var factory = new CmsApiFactory();
        var endpoint = factory.StartOnLoopback();
        var editorKey = await factory.CreateApiKeyAsync(Role.Editor, "graphiql-test");
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;

        var response = await page.GotoAsync(endpoint.ToString());
        await page.Locator(".graphiql-query-editor .monaco-editor").WaitForAsync();
        await Assertions.Expect(page.Locator(".graphiql-query-editor")).ToContainTextAsync("query LatestEvents");
        await RunAsync(page);
        await Assertions.Expect(page.Locator(".graphiql-response")).ToContainTextAsync("\"title\"");
        await browser.ScreenshotAsync("graphiql-demo-content"); // README's picture: the starter query over the demo content, no key

        await page.Locator(".graphiql-query-editor .monaco-editor").First.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        // Typed key by key, as a person would: Monaco closes brackets and quotes itself and types over its own closers.
        await page.Keyboard.TypeAsync("{ me { name role } article(slug: \"magna-carta-sealed\") { title historicalDate { display } } }");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("button[aria-label^=Prettify]").ClickAsync(); // so the screenshot shows the whole query
        await page.GetByText("Headers", new() { Exact = true }).ClickAsync();
        await ReplaceEditorTextAsync(page, ".graphiql-editor-tool .graphiql-editor:not(.hidden)", $"{{ \"X-Api-Key\": \"{editorKey}\" }}");
        await RunAsync(page);
        await Assertions.Expect(page.Locator(".graphiql-response")).ToContainTextAsync("Magna Carta");
        await Assertions.Expect(page.Locator(".graphiql-response")).ToContainTextAsync("\"role\": \"EDITOR\"");
        await Assertions.Expect(page.Locator(".graphiql-response")).ToContainTextAsync("15 June 1215");
        await browser.ScreenshotAsync("graphiql-query-with-api-key");

        Assert.Equal(200, response!.Status);
        Assert.Equal(GraphiQLEndpoints.ContentSecurityPolicy, await response.HeaderValueAsync("content-security-policy"));
        Assert.DoesNotContain("unsafe-inline", (await response.HeaderValueAsync("content-security-policy"))!.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        browser.AssertNoProblems();

        // The policy is enforced, and a violation would have been seen: an injected inline script is blocked and reported.
        var ran = await page.EvaluateAsync<bool>("""
            () => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); return window.injected === true; }
            """);
        for (var wait = 0; wait < 50 && !browser.Problems.Any(p => p.Contains("CSP violation", StringComparison.Ordinal)); wait++)
        {
            await Task.Delay(100);
        }

        Assert.False(ran);
        Assert.Contains(browser.Problems, p => p.Contains("CSP violation: script-src-elem blocked inline", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task GraphiQL_runs_a_subscription_over_websocket_and_shows_each_event_as_it_arrives()
    {
        using var factory = new CmsApiFactory().WithSetting("ChangeFeed:PollInterval", "00:00:00.050");
        var endpoint = factory.StartOnLoopback();
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateApiKeyAsync(Role.Admin));
        var created = await GraphQLHttp.PostAsync(admin, new
        {
            query = """mutation { createArticle(input: { title: "The Treaty of Westphalia is signed", summary: "Peace in Europe.", historicalDate: { start: { year: 1648, month: 10, day: 24 }, precision: DAY }, sections: [{ heading: "What happened?", body: "Peace." }] }) { article { id } } }""",
        });
        var id = created.Body!["data"]!["createArticle"]!["article"]!["id"]!.GetValue<string>();
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync(endpoint.ToString());
        await page.Locator(".graphiql-query-editor .monaco-editor").WaitForAsync();

        await ReplaceEditorTextAsync(page, ".graphiql-query-editor", "subscription OnPublish { articleChanged(types: [PUBLISHED]) { type slug version article { title historicalDate { display } } } }");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("button[aria-label^=Prettify]").ClickAsync();
        await page.Locator(".graphiql-execute-button").ClickAsync();
        await factory.WaitForSubscriptionsAsync();
        var published = await GraphQLHttp.PostAsync(admin, new { query = $$"""mutation { publishArticle(input: { id: "{{id}}" }) { errors { __typename } } }""" });
        Assert.Equal(200, published.Status);

        await Assertions.Expect(page.Locator(".graphiql-response")).ToContainTextAsync("PUBLISHED", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".graphiql-response")).ToContainTextAsync("The Treaty of Westphalia is signed");
        await browser.ScreenshotAsync("graphiql-subscription");
        browser.AssertNoProblems();
    }

    [BrowserFact]
    public async Task The_documentation_explorer_and_completion_come_from_introspection()
    {
        using var factory = new CmsApiFactory();
        var endpoint = factory.StartOnLoopback();
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync(endpoint.ToString());
        await page.Locator(".graphiql-query-editor .monaco-editor").WaitForAsync();

        await page.GetByLabel("Show Documentation Explorer").ClickAsync();
        await page.Locator(".graphiql-doc-explorer").GetByText("Query", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".graphiql-doc-explorer")).ToContainTextAsync("onThisDay");
        await ReplaceEditorTextAsync(page, ".graphiql-query-editor", "{ onThis");
        await page.Keyboard.PressAsync("Control+Space");
        await Assertions.Expect(page.Locator(".suggest-widget")).ToContainTextAsync("onThisDay");
        await browser.ScreenshotAsync("graphiql-docs-and-completion");

        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Clients_that_ask_for_json_still_get_the_endpoint_and_production_serves_no_ide_unless_configured()
    {
        using var development = new CmsApiFactory();
        using var production = new CmsApiFactory().WithEnvironment("Production");
        using var enabled = new CmsApiFactory().WithEnvironment("Production").WithSetting("GraphiQL:Enabled", "true");

        var page = await GetAsync(development, "/graphql", "text/html,application/xhtml+xml,*/*;q=0.8");
        var json = await GetAsync(development, "/graphql?query={__typename}", "text/html,*/*;q=0.8");
        var jsonClient = await GetAsync(development, "/graphql", "application/json");
        var asset = await GetAsync(development, "/graphiql/assets/" + ScriptName(page.Body), "*/*");
        var missing = await GetAsync(development, "/graphiql/assets/nothing.js", "*/*");
        var gzipped = await GetGzippedAsync(development, "/graphiql/assets/" + ScriptName(page.Body));
        var off = await GetAsync(production, "/graphql", "text/html");
        var offAsset = await GetAsync(production, "/graphiql/assets/" + ScriptName(page.Body), "*/*");
        var on = await GetAsync(enabled, "/graphql", "text/html");

        Assert.Equal((HttpStatusCode.OK, "text/html; charset=utf-8"), (page.Status, page.ContentType));
        Assert.Equal("no-cache", page.CacheControl);
        Assert.Equal(HttpStatusCode.OK, json.Status);
        Assert.Contains("__typename", json.Body, StringComparison.Ordinal);
        Assert.NotEqual("text/html; charset=utf-8", jsonClient.ContentType);
        Assert.Equal((HttpStatusCode.OK, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"), (asset.Status, asset.ContentType, asset.CacheControl));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("gzip", gzipped.Encoding);
        Assert.True(gzipped.Length < asset.Body.Length / 2, $"gzip: {gzipped.Length} of {asset.Body.Length} characters");
        Assert.Equal(asset.Body, gzipped.Body);
        Assert.NotEqual("text/html; charset=utf-8", off.ContentType);
        Assert.Equal(HttpStatusCode.NotFound, offAsset.Status);
        Assert.Equal("text/html; charset=utf-8", on.ContentType);
    }

    private static string ScriptName(string page)
    {
        const string marker = "src=\"/graphiql/assets/";
        var start = page.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return page[start..page.IndexOf('"', start)];
    }

    private static async Task<(HttpStatusCode Status, string? ContentType, string? CacheControl, string Body)> GetAsync(CmsApiFactory factory, string path, string accept)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Headers.CacheControl?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private static async Task<(string? Encoding, long Length, string Body)> GetGzippedAsync(CmsApiFactory factory, string path)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        using var response = await client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return (response.Content.Headers.ContentEncoding.SingleOrDefault(), compressed.Length, await reader.ReadToEndAsync());
    }

    private static async Task RunAsync(IPage page)
    {
        await page.Locator(".graphiql-execute-button").ClickAsync();
        await Assertions.Expect(page.Locator(".graphiql-response")).Not.ToBeEmptyAsync();
    }

    /// <summary>Replaces a Monaco editor's text the way a paste does (typing would add Monaco's automatic closing brackets).</summary>
    private static async Task ReplaceEditorTextAsync(IPage page, string editorSelector, string text)
    {
        await page.Locator(editorSelector + " .monaco-editor").First.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.InsertTextAsync(text);
    }
}
