using System.Globalization;
using Cms.Api.Tests.Infrastructure;
using Cms.Api.Tests.Media;
using Cms.Model.Security;
using Cms.Testing;
using Microsoft.Playwright;

namespace Cms.Api.Tests.Browser;

/// <summary>
/// A new editor's day, end to end and in one go, against a real CMS and the sample site: an article written from nothing
/// in the studio (a BCE date, two sections in the Markdown editor, tags, a place, an image uploaded from the editor and
/// described in the library with its focal point moved), saved by an editor who has no publish button, published by a
/// publisher who is told live of the editor's next save, seen by readers in the delivery API and on the site, scheduled
/// and cancelled, compared and restored, and an image the library will not delete while the article uses it. The other
/// studio tests cover each step's edge cases (conflicts carried over, refusals, the admin screens).
/// </summary>
public sealed class StudioEditorsDayTests(Chromium chromium) : IClassFixture<Chromium>
{
    // Vesuvius buried Pompeii in 79 CE; the test's event is placed in 79 BCE to exercise the era.
    private const string Title = "The eruption of Vesuvius buries Pompeii";

    [BrowserFact]
    public async Task A_new_editor_writes_an_article_from_nothing_and_a_publisher_puts_it_in_front_of_readers()
    {
        var sitePort = LoopbackPorts.Free();
        using var factory = new CmsApiFactory().WithSetting("RateLimits:MutationsPerMinute", "0");
        var endpoint = factory.StartOnLoopback();
        await using var site = await SampleSite.StartAsync(endpoint, sitePort);
        var studio = new Uri(endpoint, "/studio");
        await using var editorBrowser = await chromium.NewPageAsync();
        var editor = editorBrowser.Page;
        editor.Dialog += (_, dialog) => dialog.AcceptAsync();
        await StudioSignIn.SignInAsync(editor, studio, await factory.CreateApiKeyAsync(Role.Editor, "new-editor"));

        // A new article with a date before the common era.
        await editor.GetByRole(AriaRole.Link, new() { Name = "New article" }).ClickAsync();
        await editor.GetByLabel("Title", new() { Exact = true }).FillAsync(Title);
        await editor.GetByLabel("Lead summary").FillAsync("Mount Vesuvius erupts and buries the Roman towns around the bay of Naples.");
        await editor.GetByRole(AriaRole.Textbox, new() { Name = "Year", Exact = true }).FillAsync("-79");
        await Assertions.Expect(editor.GetByTestId("date-display")).ToHaveTextAsync("Readers now see: 79 BCE");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Create as a draft" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();

        // Two sections in the Markdown editor, one with a bold phrase from the toolbar; tags; a place.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add a section" }).ClickAsync();
        var first = editor.GetByRole(AriaRole.Group, new() { Name = "Section 1" });
        await first.GetByLabel("Heading").FillAsync("What happened?");
        var firstBody = first.GetByRole(AriaRole.Textbox, new() { Name = "Text (Markdown)" });
        await firstBody.FillAsync("Ash fell for two days.");
        await firstBody.PressAsync("Control+a");
        await first.GetByRole(AriaRole.Button, new() { Name = "Bold (Ctrl+B)" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add a section" }).ClickAsync();
        var second = editor.GetByRole(AriaRole.Group, new() { Name = "Section 2" });
        await second.GetByLabel("Heading").FillAsync("Why does it matter?");
        await second.GetByRole(AriaRole.Textbox, new() { Name = "Text (Markdown)" }).FillAsync("The ash kept a *whole town* as it was.");
        await editor.GetByLabel("Tags", new() { Exact = true }).FillAsync("Ancient Rome, Volcanoes");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add a place" }).ClickAsync();
        var place = editor.GetByRole(AriaRole.Group, new() { Name = "Place 1" });
        await place.GetByLabel("Name").FillAsync("Pompeii");
        await place.GetByLabel("Country").FillAsync("Italy");
        await place.GetByLabel("Latitude").FillAsync("40.7497");
        await place.GetByLabel("Longitude").FillAsync("14.4869");

        // An image uploaded from the editor's picker, which adds it at once.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add an image…" }).ClickAsync();
        var picker = editor.GetByRole(AriaRole.Dialog);
        await picker.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "pompeii-forum.png", MimeType = "image/png", Buffer = MediaTestClient.TwoColourImage(1200, 800) });
        await Assertions.Expect(picker).ToHaveCountAsync(0);
        var image = editor.GetByRole(AriaRole.Group, new() { Name = "Image 1: pompeii-forum.png" });
        await Assertions.Expect(image.GetByTestId("missing-alt")).ToBeVisibleAsync();
        await editor.GetByLabel("What this version changes").FillAsync("The whole first draft");
        await editor.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(editor.GetByText("Saved as version 2.")).ToBeVisibleAsync();

        // An editor publishes nothing: no publish button, and a note saying why.
        var publishing = editor.GetByTestId("publishing");
        await Assertions.Expect(publishing.GetByRole(AriaRole.Note)).ToHaveTextAsync("Publishing needs the publisher role.");
        await Assertions.Expect(publishing.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        // The image described in the library and its focal point moved with the keyboard; back through its usage.
        await image.GetByRole(AriaRole.Link, new() { Name = "Add alt text in the library" }).ClickAsync();
        await editor.GetByLabel("Alt text").FillAsync("The forum of Pompeii with Vesuvius behind it");
        await editor.GetByRole(AriaRole.Slider, new() { Name = "Focal point" }).FocusAsync();
        for (var i = 0; i < 3; i++)
        {
            await editor.Keyboard.PressAsync("ArrowUp");
        }

        await Assertions.Expect(editor.GetByTestId("focal-value")).ToHaveTextAsync("50% across, 44% down");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
        await Assertions.Expect(editor.GetByText("Saved.", new() { Exact = true })).ToBeVisibleAsync();
        var slug = "the-eruption-of-vesuvius-buries-pompeii";
        await editor.GetByTestId("usages").GetByRole(AriaRole.Link, new() { Name = slug }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();

        // A publisher opens it in another browser and publishes version 2.
        await using var publisherBrowser = await chromium.NewPageAsync();
        var publisher = publisherBrowser.Page;
        publisher.Dialog += (_, dialog) => dialog.AcceptAsync();
        await StudioSignIn.SignInAsync(publisher, studio, await factory.CreateApiKeyAsync(Role.Publisher, "chief-publisher"));
        await publisher.GetByLabel("Search titles").FillAsync("Vesuvius");
        await publisher.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        var panel = publisher.GetByTestId("publishing");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Publish version 2" }).ClickAsync();
        await Assertions.Expect(panel.GetByTestId("publish-notice")).ToHaveTextAsync("Version 2 is published.");

        // Readers: the delivery API and the sample site.
        var delivered = (await StudioPublishingTests.QueryAsync(factory, null, $$"""{ article(slug: "{{slug}}") { version { number } historicalDate { display } tags { label } places { name } sections { heading bodyHtml } media { asset { altText focalPoint { y } } } } }"""))["article"]!;
        Assert.Equal(2, delivered["version"]!["number"]!.GetValue<int>());
        Assert.Equal("79 BCE", delivered["historicalDate"]!["display"]!.GetValue<string>());
        Assert.Equal(["Ancient Rome", "Volcanoes"], delivered["tags"]!.AsArray().Select(t => t!["label"]!.GetValue<string>()));
        Assert.Equal("Pompeii", delivered["places"]![0]!["name"]!.GetValue<string>());
        Assert.Contains("<strong>Ash fell for two days.</strong>", delivered["sections"]![0]!["bodyHtml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("<em>whole town</em>", delivered["sections"]![1]!["bodyHtml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("The forum of Pompeii with Vesuvius behind it", delivered["media"]![0]!["asset"]!["altText"]!.GetValue<string>());
        Assert.Equal(0.44, delivered["media"]![0]!["asset"]!["focalPoint"]!["y"]!.GetValue<double>(), 3);
        await using (var reader = await chromium.NewPageAsync())
        {
            await reader.Page.GotoAsync(new Uri(site.Address, $"/events/{slug}").ToString());
            await Assertions.Expect(reader.Page.GetByTestId("date-label")).ToHaveTextAsync("79 BCE");
            await Assertions.Expect(reader.Page.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();
        }

        // The editor saves again; the publisher, with the article open and no edits, is told at once and sees it load.
        await Assertions.Expect(editor.GetByTestId("presence")).ToContainTextAsync("chief-publisher");
        await editor.GetByLabel("Lead summary").FillAsync("Mount Vesuvius erupts and buries Pompeii and Herculaneum.");
        await editor.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(editor.GetByText("Saved as version 3.")).ToBeVisibleAsync();
        await Assertions.Expect(publisher.GetByTestId("live-notice")).ToContainTextAsync("Version 3 was just saved by new-editor");
        await Assertions.Expect(publisher.GetByLabel("Lead summary")).ToHaveValueAsync("Mount Vesuvius erupts and buries Pompeii and Herculaneum.");

        // Scheduled for tomorrow and cancelled.
        await panel.GetByLabel("Publish at (UTC)").FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await panel.GetByRole(AriaRole.Button, new() { Name = "Schedule version 3" }).ClickAsync();
        await Assertions.Expect(panel.GetByTestId("scheduled-state")).ToContainTextAsync("Version 3 will be published");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Cancel the schedule" }).ClickAsync();
        await Assertions.Expect(panel.GetByTestId("scheduled-state")).ToHaveCountAsync(0);

        // History: the last two compared, version 2 restored as version 4.
        await publisher.GetByRole(AriaRole.Link, new() { Name = "History and compare" }).ClickAsync();
        await Assertions.Expect(publisher.Locator("tr[data-version='2']")).ToContainTextAsync("Published now");
        await Assertions.Expect(publisher.GetByTestId("comparison").Locator("tr[data-field='summary'] td.new")).ToHaveTextAsync("Mount Vesuvius erupts and buries Pompeii and Herculaneum.");
        await publisher.GetByRole(AriaRole.Button, new() { Name = "Restore version 2" }).ClickAsync();
        await Assertions.Expect(publisher.GetByTestId("history-notice")).ToHaveTextAsync("Version 2 was restored as version 4.");
        await publisherBrowser.ScreenshotAsync("studio-editors-day-history");

        // The library will not delete the image while the article uses it, and names the article.
        await publisher.GetByRole(AriaRole.Link, new() { Name = "Media", Exact = true }).ClickAsync();
        await publisher.Locator("a.asset-card", new() { HasText = "pompeii-forum.png" }).ClickAsync();
        await publisher.GetByRole(AriaRole.Button, new() { Name = "Delete this file" }).ClickAsync();
        await Assertions.Expect(publisher.GetByTestId("delete-refused")).ToContainTextAsync(slug);

        editorBrowser.AssertNoProblems();
        publisherBrowser.AssertNoProblems();
    }
}
