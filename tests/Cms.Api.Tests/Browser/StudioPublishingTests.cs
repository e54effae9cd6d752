using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Api.Tests.Infrastructure;
using Cms.Api.Tests.Media;
using Cms.Model.Security;
using Cms.Testing;
using Microsoft.Playwright;

namespace Cms.Api.Tests.Browser;

/// <summary>
/// The studio's publishing, history and media library in a real Chromium against a real CMS and the sample site: an
/// image uploaded and described, a publish refused for its missing alt text and then made, a preview, a schedule,
/// compare, restore and "as published on", and the library's refusal to delete what articles use.
/// </summary>
public sealed partial class StudioPublishingTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Marathon = "Athens defeats the Persian landing at Marathon";

    [BrowserFact]
    public async Task A_publisher_adds_an_image_is_told_it_lacks_alt_text_describes_it_publishes_previews_schedules_compares_and_restores()
    {
        var sitePort = LoopbackPorts.Free();
        using var factory = new CmsApiFactory()
            .WithSetting("RateLimits:MutationsPerMinute", "0")
            .WithSetting("Studio:PreviewUrl", $"http://127.0.0.1:{sitePort}/preview?article={{slug}}&token={{token}}");
        var endpoint = factory.StartOnLoopback();
        await using var site = await SampleSite.StartAsync(endpoint, sitePort);
        var studio = new Uri(endpoint, "/studio");
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await StudioSignIn.SignInAsync(page, studio, await factory.CreateApiKeyAsync(Role.Publisher, "studio-publisher"));

        // The library: an image uploaded with the file picker, through the direct-upload link, with its progress.
        await page.GetByRole(AriaRole.Link, new() { Name = "Media", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Media library" })).ToBeVisibleAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "marathon-plain.png",
            MimeType = "image/png",
            Buffer = MediaTestClient.TwoColourImage(1200, 800),
        });
        await Assertions.Expect(page.GetByTestId("upload")).ToContainTextAsync("marathon-plain.png · uploaded");
        var card = page.Locator("a.asset-card", new() { HasText = "marathon-plain.png" });
        await Assertions.Expect(card).ToContainTextAsync("No alt text");
        await Accessibility.AssertNoViolationsAsync(page, "media library");
        await browser.ScreenshotAsync("studio-media");

        // The editor: the date's wording previewed while typing; the image added from the library.
        await page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Marathon }).ClickAsync();
        await page.GetByLabel("Label readers see instead (optional)").FillAsync("Late summer, 490 BCE");
        await Assertions.Expect(page.GetByTestId("date-display")).ToHaveTextAsync("Readers now see: Late summer, 490 BCE");
        await page.GetByLabel("Label readers see instead (optional)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Precision" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Century" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("date-display")).ToHaveTextAsync("Readers now see: 5th century BCE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Precision" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Year" }).ClickAsync();
        await page.GetByLabel("Label readers see instead (optional)").FillAsync("Late summer, 490 BCE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an image…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Choose from the library" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page, "media picker");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "marathon-plain.png" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        // The demo article has one image already; the new one is the second.
        var use = page.GetByRole(AriaRole.Group, new() { Name = "Image 2: marathon-plain.png" });
        await Assertions.Expect(use).ToContainTextAsync("marathon-plain.png");
        await Assertions.Expect(use.GetByTestId("missing-alt")).ToBeVisibleAsync();
        await page.GetByLabel("What this version changes").FillAsync("Adds the map of the plain");
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByText("Saved as version 3.")).ToBeVisibleAsync();

        // Publishing is refused while the image has no alt text: the refusal shows in the panel, the image is marked.
        var publishing = page.GetByTestId("publishing");
        await publishing.GetByRole(AriaRole.Button, new() { Name = "Publish version 3" }).ClickAsync();
        await Assertions.Expect(publishing.GetByTestId("publish-errors")).ToContainTextAsync("alt text");
        await Assertions.Expect(use).ToHaveClassAsync(new Regex("missing-alt"));
        await Accessibility.AssertNoViolationsAsync(page, "editor with a publish refused");
        await browser.ScreenshotAsync("studio-publish-refused");

        // The asset: alt text written, the focal point moved with the keyboard and the crops following it.
        await use.GetByRole(AriaRole.Link, new() { Name = "Add alt text in the library" }).ClickAsync();
        await page.GetByLabel("Alt text").FillAsync("The plain of Marathon between the hills and the sea");
        await page.GetByLabel("Credit").FillAsync("Studio test");
        var crop = page.GetByTestId("crop-1:1");
        var centred = await crop.EvaluateAsync<string>("img => img.style.objectPosition");
        await page.GetByRole(AriaRole.Slider, new() { Name = "Focal point" }).FocusAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Assertions.Expect(page.GetByTestId("focal-value")).ToHaveTextAsync("60% across, 50% down");
        Assert.NotEqual(centred, await crop.EvaluateAsync<string>("img => img.style.objectPosition"));
        await Accessibility.AssertNoViolationsAsync(page, "media asset");
        await browser.ScreenshotAsync("studio-media-asset");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.", new() { Exact = true })).ToBeVisibleAsync();
        var asset = await QueryAsync(factory, Role.Viewer, """{ mediaAssets(first: 1) { nodes { altText credit focalPoint { x y } } } }""");
        var described = asset["mediaAssets"]!["nodes"]![0]!;
        Assert.Equal("The plain of Marathon between the hills and the sea", described["altText"]!.GetValue<string>());
        Assert.Equal(0.6, described["focalPoint"]!["x"]!.GetValue<double>(), 3);

        // Back to the article through its usage, and published.
        await page.GetByTestId("usages").GetByRole(AriaRole.Link, new() { Name = "battle-of-marathon" }).ClickAsync();
        await Assertions.Expect(use.GetByRole(AriaRole.Radio, new() { Name = "Gallery" })).ToBeCheckedAsync();
        await publishing.GetByRole(AriaRole.Button, new() { Name = "Publish version 3" }).ClickAsync();
        await Assertions.Expect(publishing.GetByTestId("publish-notice")).ToHaveTextAsync("Version 3 is published.");
        await Assertions.Expect(publishing.GetByTestId("published-state")).ToContainTextAsync("Readers see version 3");
        var delivered = (await QueryAsync(factory, null, """{ article(slug: "battle-of-marathon") { version { number } historicalDate { display } media { asset { altText } } } }"""))["article"]!;
        Assert.Equal(3, delivered["version"]!["number"]!.GetValue<int>());
        Assert.Equal("Late summer, 490 BCE", delivered["historicalDate"]!["display"]!.GetValue<string>());
        Assert.Contains(delivered["media"]!.AsArray(), m => m!["asset"]!["altText"]!.GetValue<string>() == "The plain of Marathon between the hills and the sea");

        // On the sample site, as readers see it.
        await using (var reader = await chromium.NewPageAsync())
        {
            await reader.Page.GotoAsync(new Uri(site.Address, "/events/battle-of-marathon").ToString());
            await Assertions.Expect(reader.Page.GetByTestId("date-label")).ToHaveTextAsync("Late summer, 490 BCE");
        }

        // A draft after the publication, previewed on the sample site's preview page with one click.
        await page.GetByLabel("Lead summary").FillAsync("A draft summary readers have not seen yet.");
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByText("Saved as version 4.")).ToBeVisibleAsync();
        var popup = await page.RunAndWaitForPopupAsync(() => publishing.GetByRole(AriaRole.Button, new() { Name = "Open a preview" }).ClickAsync());
        await Assertions.Expect(popup.GetByTestId("preview-banner")).ToHaveAttributeAsync("data-version", "4");
        await Assertions.Expect(popup.GetByTestId("lead")).ToHaveTextAsync("A draft summary readers have not seen yet.");
        Assert.StartsWith($"http://127.0.0.1:{sitePort}/preview?article=battle-of-marathon&token=cmsp_", popup.Url, StringComparison.Ordinal);
        await popup.CloseAsync();

        // Scheduled for tomorrow (the time zone named), then cancelled.
        var tomorrow = DateTime.UtcNow.AddDays(1);
        await publishing.GetByLabel("Publish at (UTC)").FillAsync(tomorrow.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await publishing.GetByRole(AriaRole.Button, new() { Name = "Schedule version 4" }).ClickAsync();
        await Assertions.Expect(publishing.GetByTestId("scheduled-state")).ToContainTextAsync("Version 4 will be published");
        await Assertions.Expect(publishing.GetByTestId("scheduled-state")).ToContainTextAsync("(UTC)");
        await browser.ScreenshotAsync("studio-publishing-scheduled");
        var scheduled = (await QueryAsync(factory, Role.Viewer, """{ article(slug: "battle-of-marathon", stage: DRAFT) { scheduledPublication { version at } } }"""))["article"]!;
        Assert.Equal(4, scheduled["scheduledPublication"]!["version"]!.GetValue<int>());
        await publishing.GetByRole(AriaRole.Button, new() { Name = "Cancel the schedule" }).ClickAsync();
        await Assertions.Expect(publishing.GetByTestId("publish-notice")).ToHaveTextAsync("The scheduled publication is cancelled.");
        await Assertions.Expect(publishing.GetByTestId("scheduled-state")).ToHaveCountAsync(0);

        // History: versions with their marks, the comparison of the last two, a restore, and what readers saw.
        await page.GetByRole(AriaRole.Link, new() { Name = "History and compare" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-version='3']")).ToContainTextAsync("Published now");
        await Assertions.Expect(page.Locator("tr[data-version='3']")).ToContainTextAsync("Adds the map of the plain");
        var comparison = page.GetByTestId("comparison");
        await Assertions.Expect(comparison.Locator("tr[data-field='summary'] td.new")).ToHaveTextAsync("A draft summary readers have not seen yet.");
        await Accessibility.AssertNoViolationsAsync(page, "history");
        await browser.ScreenshotAsync("studio-history");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore version 3" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("history-notice")).ToHaveTextAsync("Version 3 was restored as version 5.");
        var latest = (await QueryAsync(factory, Role.Viewer, """{ article(slug: "battle-of-marathon", stage: DRAFT) { summary version { number } } }"""))["article"]!;
        Assert.Equal(5, latest["version"]!["number"]!.GetValue<int>());
        Assert.NotEqual("A draft summary readers have not seen yet.", latest["summary"]!.GetValue<string>());
        await page.GetByLabel("Date and time (UTC)").FillAsync(DateTime.UtcNow.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("as-of")).ToContainTextAsync("readers saw version 3");

        // The library will not delete an image an article uses, and says which.
        await page.GetByRole(AriaRole.Link, new() { Name = "Media", Exact = true }).ClickAsync();
        await card.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this file" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("delete-refused")).ToContainTextAsync("battle-of-marathon");
        await browser.ScreenshotAsync("studio-media-delete-refused");
        browser.AssertNoProblems();
    }

    [BrowserFact]
    public async Task An_editor_creates_an_article_with_a_bce_date_and_a_publisher_changes_its_slug_which_then_redirects()
    {
        using var factory = new CmsApiFactory().WithSetting("RateLimits:MutationsPerMinute", "0");
        var studio = new Uri(factory.StartOnLoopback(), "/studio");
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        await StudioSignIn.SignInAsync(page, studio, await factory.CreateApiKeyAsync(Role.Editor, "studio-editor"));

        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("The eruption of Thera");
        await page.GetByLabel("Lead summary").FillAsync("The volcano of Santorini buries the Bronze Age town of Akrotiri.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Precision" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Century" }).ClickAsync();
        await page.GetByLabel("Year", new() { Exact = true }).FillAsync("-1600");
        await Assertions.Expect(page.GetByTestId("date-display")).ToHaveTextAsync("Readers now see: 16th century BCE");
        await Accessibility.AssertNoViolationsAsync(page, "new article");
        await browser.ScreenshotAsync("studio-new-article");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create as a draft" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The eruption of Thera", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Change the slug" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a section" }).ClickAsync();
        var section = page.GetByRole(AriaRole.Group, new() { Name = "Section 1" });
        await section.GetByLabel("Heading").FillAsync("What happened?");
        await section.GetByLabel("Text (Markdown)").FillAsync("The eruption was one of the largest of the last ten thousand years.");
        // Tags complete from the taxonomy (the demo's published tags); a new label is kept as typed.
        await page.GetByLabel("Tags", new() { Exact = true }).FillAsync("anc");
        await page.GetByTestId("tag-suggestions").GetByRole(AriaRole.Button, new() { Name = "Ancient Greece" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Tags", new() { Exact = true })).ToHaveValueAsync("Ancient Greece, ");
        await Assertions.Expect(page.GetByLabel("Tags", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Volcanoes");
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByText("Saved as version 2.")).ToBeVisibleAsync();
        var created = (await QueryAsync(factory, Role.Viewer, """{ article(slug: "the-eruption-of-thera", stage: DRAFT) { status historicalDate { display } sections { heading } tags { label } version { number } } }"""))["article"]!;
        Assert.Equal(["Ancient Greece", "Volcanoes"], created["tags"]!.AsArray().Select(t => t!["label"]!.GetValue<string>()));
        Assert.Equal("DRAFT", created["status"]!.GetValue<string>());
        Assert.Equal("16th century BCE", created["historicalDate"]!["display"]!.GetValue<string>());
        Assert.Equal("What happened?", created["sections"]![0]!["heading"]!.GetValue<string>());

        // A publisher changes the slug; the old one still finds the article, marked as redirected.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await StudioSignIn.SignInAsync(page, studio, await factory.CreateApiKeyAsync(Role.Publisher, "studio-publisher"));
        await page.GetByLabel("Search titles").FillAsync("Thera");
        await page.GetByRole(AriaRole.Link, new() { Name = "The eruption of Thera" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the slug" }).ClickAsync();
        await page.GetByLabel("New slug").FillAsync("thera-eruption");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the slug" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("slug-notice")).ToHaveTextAsync("The slug is now thera-eruption; the old one redirects to it.");
        await Assertions.Expect(page.GetByTestId("slug")).ToHaveTextAsync("thera-eruption");
        var redirected = (await QueryAsync(factory, Role.Viewer, """{ article(slug: "the-eruption-of-thera", stage: DRAFT) { slug redirectedFrom } }"""))["article"]!;
        Assert.Equal(("thera-eruption", "the-eruption-of-thera"), (redirected["slug"]!.GetValue<string>(), redirected["redirectedFrom"]!.GetValue<string>()));
        browser.AssertNoProblems();
    }

    [BrowserFact]
    public async Task An_editor_sees_no_publish_button_and_the_server_refuses_the_mutation_all_the_same()
    {
        using var factory = new CmsApiFactory();
        var studio = new Uri(factory.StartOnLoopback(), "/studio");
        var editorKey = await factory.CreateApiKeyAsync(Role.Editor, "studio-editor");
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        await StudioSignIn.SignInAsync(page, studio, editorKey);
        await page.GetByRole(AriaRole.Link, new() { Name = Marathon }).ClickAsync();

        var publishing = page.GetByTestId("publishing");
        await Assertions.Expect(publishing.GetByRole(AriaRole.Note)).ToHaveTextAsync("Publishing needs the publisher role.");
        await Assertions.Expect(publishing.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save a new version" })).ToBeVisibleAsync();

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", editorKey);
        var id = (await QueryAsync(factory, Role.Viewer, """{ article(slug: "battle-of-marathon") { id } }"""))["article"]!["id"]!.GetValue<string>();
        var refused = await GraphQLHttp.PostAsync(client, new { query = "mutation($id: ID!) { publishArticle(input: { id: $id }) { article { id } } }", variables = new { id } });
        Assert.Equal((403, "FORBIDDEN"), (refused.Status, refused.ErrorCodes.Single()));
        browser.AssertNoProblems();
    }

    /// <summary>Data of a query through the API: with a key of the role, or anonymously (what readers get) when null.</summary>
    internal static async Task<JsonNode> QueryAsync(CmsApiFactory factory, Role? role, string query)
    {
        using var client = factory.CreateClient();
        if (role is { } r)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateApiKeyAsync(r));
        }

        var response = await GraphQLHttp.PostAsync(client, new { query });
        Assert.True(response.Status == 200 && response.ErrorCodes.Count == 0, response.Text);
        return response.Body!["data"]!;
    }
}
