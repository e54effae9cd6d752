using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;
using Microsoft.Playwright;

namespace Cms.Api.Tests.Browser;

/// <summary>
/// samples/web, built as its README builds it and served by <c>vite preview</c> in front of a real CMS with the demo
/// content, read in a real Chromium: what a reader sees must be what the API holds.
/// </summary>
public sealed partial class SampleSiteTests(Chromium chromium) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task The_index_pages_through_events_newest_first_and_filters_by_date_tag_and_search()
    {
        await using var run = await SiteRun.StartAsync(chromium);
        var page = run.Page;
        var slugs = page.GetByTestId("event-list").Locator("li a");

        await page.GotoAsync(run.Url("/?today=06-15"));
        await Assertions.Expect(slugs).ToHaveCountAsync(5);
        var first = await HrefsAsync(slugs);
        await Assertions.Expect(page.GetByTestId("previous-page")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("on-this-day")).ToContainTextAsync("King John seals Magna Carta at Runnymede");
        await run.Browser.ScreenshotAsync("sample-index");
        await page.GetByTestId("next-page").ClickAsync();
        await Assertions.Expect(slugs).ToHaveCountAsync(3);
        var second = await HrefsAsync(slugs);
        await Assertions.Expect(page.GetByTestId("next-page")).ToBeDisabledAsync();
        await page.GetByTestId("previous-page").ClickAsync();
        await Assertions.Expect(slugs).ToHaveCountAsync(5);
        var backToFirst = await HrefsAsync(slugs);

        var filters = page.GetByTestId("filters");
        await filters.Locator("input[name=from]").FillAsync("1000");
        await filters.Locator("input[name=to]").FillAsync("1900");
        await filters.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(slugs).ToHaveCountAsync(2);
        var inRange = await HrefsAsync(slugs);
        var filteredUrl = page.Url;
        await page.GotoAsync(run.Url("/?to=-1&tag=battles"));
        await Assertions.Expect(slugs).ToHaveCountAsync(1);
        var ancientBattles = await HrefsAsync(slugs);
        await run.Browser.ScreenshotAsync("sample-index-filtered");
        await page.GetByTestId("search").Locator("input[name=q]").FillAsync("runner");
        await page.GetByTestId("search").Locator("input[name=q]").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("search-results").Locator("li")).ToHaveCountAsync(1);
        var found = await HrefsAsync(page.GetByTestId("search-results").Locator("li a"));

        string[] newestFirst = ["fall-of-the-berlin-wall", "apollo-11-moon-landing", "battle-of-leyte-gulf", "gutenberg-bible-printed", "magna-carta-sealed",
            "eruption-of-vesuvius", "battle-of-marathon", "great-pyramid-of-giza"];
        Assert.Equal(newestFirst, first.Concat(second));
        Assert.Equal(first, backToFirst);
        Assert.Equal(["gutenberg-bible-printed", "magna-carta-sealed"], inRange);
        Assert.Contains("from=1000", filteredUrl, StringComparison.Ordinal);
        Assert.Equal(["battle-of-marathon"], ancientBattles);
        Assert.Equal(["battle-of-marathon"], found);
        run.Browser.AssertNoProblems();
    }

    [BrowserFact]
    public async Task An_event_page_shows_every_part_of_the_published_article_with_a_responsive_hero_image()
    {
        await using var run = await SiteRun.StartAsync(chromium);
        var page = run.Page;
        var article = (await run.Cms.PostGraphQLAsync("""
            {
              article(slug: "magna-carta-sealed") {
                title summary keyFacts historicalDate { display }
                sections { key heading } places { name country } tags { label } sources { title url }
                media { asset { altText caption credit } }
              }
            }
            """)).Body["data"]!["article"]!;

        await page.GotoAsync(run.Url("/events/magna-carta-sealed"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Text(article["title"]));
        var hero = page.GetByTestId("hero").Locator("img");
        await Assertions.Expect(hero).ToHaveJSPropertyAsync("complete", true);
        await run.Browser.ScreenshotAsync("sample-event-page");

        Assert.Equal(Text(article["historicalDate"]!["display"]), await page.GetByTestId("date-label").InnerTextAsync());
        Assert.Equal(Text(article["summary"]), await page.GetByTestId("lead").InnerTextAsync());
        Assert.Equal(Texts(article["keyFacts"]!, f => f), await page.GetByTestId("key-facts").Locator("li").AllInnerTextsAsync());
        Assert.Equal(Texts(article["sections"]!, s => s["heading"]), await page.GetByTestId("sections").Locator("section h2").AllInnerTextsAsync());
        Assert.Equal(Texts(article["sections"]!, s => s["key"]), await AttributesAsync(page.GetByTestId("sections").Locator("section"), "data-section"));
        Assert.All(await page.GetByTestId("sections").Locator("section").AllInnerTextsAsync(), body => Assert.True(body.Length > 100, body));
        Assert.Equal(Texts(article["places"]!, p => $"{p["name"]}, {p["country"]}"), await page.GetByTestId("places").Locator("li").AllInnerTextsAsync());
        Assert.Equal(Texts(article["tags"]!, t => t["label"]), await page.GetByTestId("tags").Locator("li").AllInnerTextsAsync());
        var sources = page.GetByTestId("sources").Locator("li");
        Assert.Equal(article["sources"]!.AsArray().Count, await sources.CountAsync());
        var linked = article["sources"]!.AsArray().First(s => s!["url"] is not null)!;
        Assert.Equal(Text(linked["url"]), await sources.Locator("a").First.GetAttributeAsync("href"));
        var asset = article["media"]![0]!["asset"]!;
        Assert.Equal(Text(asset["altText"]), await hero.GetAttributeAsync("alt"));
        Assert.True(await hero.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The hero image did not load through the site.");
        Assert.True(WidthDescriptor().Count(await hero.GetAttributeAsync("srcset") ?? "") >= 2, "srcset offers fewer than two widths.");
        Assert.False(string.IsNullOrEmpty(await hero.GetAttributeAsync("sizes")));
        Assert.Contains(Text(asset["credit"]), await page.GetByTestId("hero").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Text(asset["caption"]), await page.GetByTestId("hero").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith(Text(article["title"]), await page.TitleAsync(), StringComparison.Ordinal);

        await page.GotoAsync(run.Url("/events/peace-of-westphalia"));
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        run.Browser.AssertNoProblems();
    }

    [BrowserFact]
    public async Task The_preview_page_shows_a_draft_through_a_preview_token()
    {
        await using var run = await SiteRun.StartAsync(chromium);
        var page = run.Page;
        var token = await run.PostAsAsync(Role.Publisher, $$"""
            mutation { createPreviewToken(input: { id: "{{await run.IdAsync("battle-of-leyte-gulf")}}" }) { token errors { __typename } } }
            """);

        await page.GotoAsync(run.Url("/preview"));
        await page.Locator("input[name=article]").FillAsync("battle-of-leyte-gulf");
        await page.Locator("input[name=token]").FillAsync(Text(token["createPreviewToken"]!["token"]));
        await page.GetByTestId("show-preview").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-banner")).ToBeVisibleAsync();
        await run.Browser.ScreenshotAsync("sample-preview");
        var previewVersion = await page.GetByTestId("preview-banner").GetAttributeAsync("data-version");
        var draftPlaces = await page.GetByTestId("places").Locator("li").AllInnerTextsAsync();

        await page.GotoAsync(run.Url("/events/battle-of-leyte-gulf"));
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        var publishedPlaces = await page.GetByTestId("places").Locator("li").AllInnerTextsAsync();

        Assert.Equal("3", previewVersion);
        Assert.Contains("Samar, Philippines", draftPlaces);
        Assert.DoesNotContain("Samar, Philippines", publishedPlaces);
        run.Browser.AssertNoProblems();
    }

    [BrowserFact]
    public async Task The_editors_page_shows_history_a_word_diff_and_what_readers_saw_then_and_restores_a_version()
    {
        await using var run = await SiteRun.StartAsync(chromium);
        var page = run.Page;
        var key = await run.Cms.CreateApiKeyAsync(Role.Publisher, "sample-publisher");
        var id = await run.IdAsync("battle-of-marathon");

        await page.GotoAsync(run.Url("/editor"));
        await page.Locator("input[name=apiKey]").FillAsync(key);
        await page.GetByTestId("connect").ClickAsync();
        await Assertions.Expect(page.GetByTestId("me")).ToContainTextAsync("PUBLISHER");
        await page.Locator("select[name=article]").SelectOptionAsync(id);
        var versions = page.GetByTestId("versions");
        await Assertions.Expect(versions.Locator("tr[data-version]")).ToHaveCountAsync(2);
        var publishedMarkRow = await versions.Locator("tr[data-version]", new() { Has = page.GetByTestId("published-mark") }).GetAttributeAsync("data-version");
        var secondRow = await versions.Locator("tr[data-version='2']").InnerTextAsync();

        await page.Locator("select[name=compareFrom]").SelectOptionAsync("1");
        await page.Locator("select[name=compareTo]").SelectOptionAsync("2");
        await page.GetByTestId("compare").ClickAsync();
        var comparison = page.GetByTestId("comparison");
        await Assertions.Expect(comparison).ToBeVisibleAsync();
        var changedSection = comparison.Locator("[data-testid=section-diff][data-section='why-it-matters']");
        var inserted = await changedSection.Locator("ins").AllInnerTextsAsync();
        var deleted = await changedSection.Locator("del").CountAsync();
        var (oldSide, newSide) = (await changedSection.Locator(".diff--old").InnerTextAsync(), await changedSection.Locator(".diff--new").InnerTextAsync());
        var addedSection = await comparison.Locator("[data-testid=section-diff][data-section='the-runner']").GetAttributeAsync("data-change");
        var addedFacts = await comparison.Locator("[data-testid=list-change][data-list=keyFacts] .added").AllInnerTextsAsync();
        await run.Browser.ScreenshotAsync("sample-editor-compare");

        await page.Locator("input[name=asOf]").FillAsync("2001-01-01T00:00");
        await page.GetByTestId("show-as-of").ClickAsync();
        await Assertions.Expect(page.GetByTestId("as-of-result")).ToHaveAttributeAsync("data-state", "not-published");
        await page.Locator("input[name=asOf]").FillAsync(DateTime.UtcNow.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("show-as-of").ClickAsync();
        await Assertions.Expect(page.GetByTestId("as-of-result")).ToHaveAttributeAsync("data-state", "published");
        var asOfVersion = await page.GetByTestId("as-of-result").GetAttributeAsync("data-version");

        await page.Locator("button[data-testid=restore][data-version='1']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).Not.ToHaveTextAsync(new Regex("^Restoring"));
        var restored = await page.GetByTestId("status").InnerTextAsync();
        Assert.True(restored == "Restored version 1 as version 3", restored + " " + string.Join(" | ", await page.GetByTestId("error").AllInnerTextsAsync()));
        await Assertions.Expect(versions.Locator("tr[data-version='3']")).ToBeVisibleAsync();
        await run.Browser.ScreenshotAsync("sample-editor-restored");
        var latest = await run.PostAsAsync(Role.Viewer, """{ article(slug: "battle-of-marathon", stage: DRAFT) { latestVersionNumber keyFacts } }""");

        Assert.Equal("2", publishedMarkRow);
        Assert.Contains("Added casualty figures and the runner legend", secondRow, StringComparison.Ordinal);
        Assert.Contains("demo-content", secondRow, StringComparison.Ordinal);
        Assert.Equal(["The Athenian dead were buried under a mound, the Soros, which still stands on the plain."], inserted.Select(t => t.Trim()));
        Assert.Equal(0, deleted);
        Assert.DoesNotContain("the Soros", oldSide, StringComparison.Ordinal);
        Assert.Contains("the Soros", newSide, StringComparison.Ordinal);
        Assert.Contains("Persia came back in 480 BCE", oldSide, StringComparison.Ordinal);
        Assert.Equal("added", addedSection);
        Assert.Equal(["Herodotus counts 6,400 Persian dead and 192 Athenian dead"], addedFacts);
        Assert.Equal("2", asOfVersion);
        Assert.Equal(3, latest["article"]!["latestVersionNumber"]!.GetValue<int>());
        Assert.Equal(3, latest["article"]!["keyFacts"]!.AsArray().Count);
        run.Browser.AssertNoProblems();
    }

    [BrowserFact]
    public async Task A_changed_title_shows_old_and_new_side_by_side_with_a_deleted_word()
    {
        await using var run = await SiteRun.StartAsync(chromium);
        var page = run.Page;
        var id = await run.IdAsync("magna-carta-sealed");
        var update = await run.PostAsAsync(Role.Editor, $$"""
            mutation { updateArticle(input: { id: "{{id}}", expectedVersion: 1, title: "King John seals the Great Charter at Runnymede", changeNote: "Plainer title" }) { errors { __typename } } }
            """);
        var key = await run.Cms.CreateApiKeyAsync(Role.Viewer, "sample-viewer");

        await page.GotoAsync(run.Url($"/editor?article={Uri.EscapeDataString(id)}"));
        await page.Locator("input[name=apiKey]").FillAsync(key);
        await page.GetByTestId("connect").ClickAsync();
        await Assertions.Expect(page.GetByTestId("versions").Locator("tr[data-version]")).ToHaveCountAsync(2);
        await page.GetByTestId("compare").ClickAsync();
        var title = page.GetByTestId("comparison").Locator("[data-testid=changed-field][data-field=title]");
        await Assertions.Expect(title).ToBeVisibleAsync();

        Assert.Empty(update["updateArticle"]!["errors"]!.AsArray());
        var text = await title.InnerTextAsync();
        Assert.Contains("King John seals Magna Carta at Runnymede", text, StringComparison.Ordinal);
        Assert.Contains("King John seals the Great Charter at Runnymede", text, StringComparison.Ordinal);
        run.Browser.AssertNoProblems();
    }

    [BrowserFact]
    public async Task The_site_runs_against_a_cms_that_accepts_only_the_documents_codegen_built_from_the_sites_graphql_files()
    {
        await SampleSite.EnsureBuiltAsync();
        using var cms = new CmsApiFactory().WithSetting("GraphQL:TrustedDocuments:ManifestPath", SampleSite.PersistedDocumentsPath);
        await using var site = await SampleSite.StartAsync(cms.StartOnLoopback());
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync(new Uri(site.Address, "/?today=10-23").ToString());
        await Assertions.Expect(page.GetByTestId("event-list").Locator("li")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("on-this-day")).ToContainTextAsync("Leyte Gulf");
        await page.GetByTestId("event-list").Locator("li a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("sections").Locator("section").First).ToBeVisibleAsync();
        var adHoc = await cms.PostGraphQLAsync("{ articles(first: 1) { nodes { slug } } }");

        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", adHoc.Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        browser.AssertNoProblems();
    }

    [GeneratedRegex(@"\s\d+w(,|$)")]
    private static partial Regex WidthDescriptor();

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    private static List<string> Texts(JsonNode list, Func<JsonNode, JsonNode?> pick) => [.. list.AsArray().Select(item => Text(pick(item!)))];

    private static async Task<List<string>> HrefsAsync(ILocator links) =>
        [.. (await AttributesAsync(links, "href")).Select(href => href[(href.LastIndexOf('/') + 1)..])];

    private static async Task<List<string>> AttributesAsync(ILocator elements, string name) =>
        [.. await elements.EvaluateAllAsync<string[]>($"all => all.map(e => e.getAttribute('{name}'))")];

    /// <summary>One test's CMS (own database, demo content), the site in front of it and a clean browser page.</summary>
    private sealed class SiteRun : IAsyncDisposable
    {
        private SiteRun(CmsApiFactory cms, SampleSite site, BrowserPage browser)
        {
            Cms = cms;
            Site = site;
            Browser = browser;
        }

        public CmsApiFactory Cms { get; }

        public SampleSite Site { get; }

        public BrowserPage Browser { get; }

        public IPage Page => Browser.Page;

        public static async Task<SiteRun> StartAsync(Chromium chromium)
        {
            var cms = new CmsApiFactory();
            var site = await SampleSite.StartAsync(cms.StartOnLoopback());
            return new SiteRun(cms, site, await chromium.NewPageAsync());
        }

        public string Url(string pathAndQuery) => new Uri(Site.Address, pathAndQuery).ToString();

        public async Task<string> IdAsync(string slug) =>
            Text((await Cms.PostGraphQLAsync($$"""{ article(slug: "{{slug}}") { id } }""")).Body["data"]!["article"]!["id"]);

        public async Task<JsonNode> PostAsAsync(Role role, string document)
        {
            using var client = Cms.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", await Cms.CreateApiKeyAsync(role));
            return (await GraphQLHttp.PostAsync(client, new { query = document })).Body!["data"]!;
        }

        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            await Site.DisposeAsync();
            Cms.Dispose();
        }
    }
}
