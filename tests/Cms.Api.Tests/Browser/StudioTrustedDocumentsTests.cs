using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Api.Transport;
using Cms.Model.Security;
using Microsoft.Playwright;

namespace Cms.Api.Tests.Browser;

/// <summary>
/// The studio's operations are trusted documents: a deployment that runs only the documents of its own manifest (which
/// knows nothing of the studio) keeps a working studio, and no request the studio makes carries operation text.
/// </summary>
public sealed class StudioTrustedDocumentsTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string SiteQuery = "query Site { articles(first: 1) { totalCount } }";

    [BrowserFact]
    public async Task A_deployment_locked_to_its_own_trusted_documents_keeps_a_working_studio_that_sends_only_document_ids()
    {
        var manifest = Path.Combine(Path.GetTempPath(), $"cms-site-documents-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(new Dictionary<string, string> { ["sha256:" + PersistedOperations.Sha256Hex(SiteQuery)] = SiteQuery }));
        try
        {
            using var factory = new CmsApiFactory().WithSetting("GraphQL:TrustedDocuments:ManifestPath", manifest).WithSetting("RateLimits:MutationsPerMinute", "0");
            var endpoint = factory.StartOnLoopback();
            var key = await factory.CreateApiKeyAsync(Role.Editor, "locked-editor");
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            var other = await GraphQLHttp.PostAsync(client, new { query = "{ articles { totalCount } }" });
            Assert.Equal((400, "TRUSTED_DOCUMENT_REQUIRED"), (other.Status, other.ErrorCodes.Single()));

            await using var browser = await chromium.NewPageAsync();
            var page = browser.Page;
            var requests = new ConcurrentQueue<IRequest>();
            var subscribeFrames = new ConcurrentQueue<string>();
            var refusals = new ConcurrentQueue<string>();
            page.Request += (_, request) =>
            {
                if (new Uri(request.Url).AbsolutePath == "/graphql")
                {
                    requests.Enqueue(request);
                }
            };
            page.WebSocket += (_, socket) =>
            {
                socket.FrameSent += (_, frame) => Collect(frame.Text, "subscribe", subscribeFrames);
                socket.FrameReceived += (_, frame) => Collect(frame.Text, "error", refusals);
            };

            // Sign in, the list, an article opened (with its live notices and presence), an edit saved, the history.
            await StudioSignIn.SignInAsync(page, new Uri(endpoint, "/studio"), key);
            await page.GetByRole(AriaRole.Link, new() { Name = "Athens defeats the Persian landing at Marathon" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("date-display")).ToContainTextAsync("490 BCE");
            await page.GetByLabel("Lead summary").FillAsync("Saved from a studio on a locked deployment.");
            await page.Keyboard.PressAsync("Control+s");
            await Assertions.Expect(page.GetByText("Saved as version 3.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "History and compare" }).ClickAsync();
            await Assertions.Expect(page.Locator("tr[data-version='3']")).ToContainTextAsync("locked-editor");
            await page.GetByRole(AriaRole.Link, new() { Name = "Media" }).ClickAsync();
            await Assertions.Expect(page.Locator(".asset-card, .empty").First).ToBeVisibleAsync();

            browser.AssertNoProblems();
            Assert.NotEmpty(subscribeFrames);
            Assert.All(subscribeFrames, frame => AssertSentById(JsonNode.Parse(frame)!["payload"]!));
            Assert.Empty(refusals);
            Assert.True(requests.Count >= 6, $"The studio made {requests.Count} GraphQL requests.");
            foreach (var request in requests)
            {
                if (request.Method == "GET")
                {
                    var query = System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query);
                    Assert.Null(query["query"]);
                    Assert.StartsWith("sha256:", query["documentId"], StringComparison.Ordinal);
                }
                else
                {
                    AssertSentById(JsonNode.Parse(request.PostData!)!);
                }
            }
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    private static void AssertSentById(JsonNode request)
    {
        Assert.True(request["query"] is null || request["query"]!.GetValue<string>().Length == 0, request.ToJsonString());
        Assert.StartsWith("sha256:", request["documentId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static void Collect(string? text, string type, ConcurrentQueue<string> into)
    {
        if (text is not null && JsonNode.Parse(text)?["type"]?.GetValue<string>() == type)
        {
            into.Enqueue(text);
        }
    }
}
