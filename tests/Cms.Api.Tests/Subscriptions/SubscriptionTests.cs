using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Api.Tests.Webhooks;
using Cms.Model.Security;

namespace Cms.Api.Tests.Subscriptions;

/// <summary>
/// GraphQL subscriptions through the real graphql-ws and graphql-sse clients against the app on loopback: what readers
/// and editors receive, refused credentials, the limits with their codes, and two instances on one database.
/// </summary>
public sealed class SubscriptionTests
{
    internal const string ArticleChanged = "subscription { articleChanged { type articleId slug version article { title } } }";

    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task A_reader_receives_the_publication_with_the_published_content_and_never_a_draft_event(string mode)
    {
        using var api = new WebhookApi(Factory());
        var url = api.Factory.StartOnLoopback();
        await using var reader = await NodeSubscriber.StartAsync(mode, url, null, ArticleChanged);
        await ReadyAsync(reader, api.Factory);

        var id = await api.CreateArticleAsync("Seen when published");
        await api.UpdateAsync(id, 1, "Seen when published, revised");
        await api.PublishAsync(id);
        await api.UpdateAsync(id, 2, "A draft nobody reads");

        var lines = await reader.WaitForAsync(l => l.Any(IsNext));
        await Task.Delay(700);
        var events = reader.Events.Select(e => e["value"]!["data"]!["articleChanged"]!).ToList();
        var published = Assert.Single(events);
        Assert.Equal(("PUBLISHED", id, 2), (published["type"]!.GetValue<string>(), published["articleId"]!.GetValue<string>(), published["version"]!.GetValue<int>()));
        Assert.Equal("Seen when published, revised", published["article"]!["title"]!.GetValue<string>());
        Assert.DoesNotContain(lines, l => l["kind"]!.GetValue<string>() == "error");
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task An_editor_receives_drafts_with_their_content(string mode)
    {
        using var api = new WebhookApi(Factory());
        var url = api.Factory.StartOnLoopback();
        var key = await api.Factory.CreateApiKeyAsync(Role.Editor);
        await using var editor = await NodeSubscriber.StartAsync(mode, url, new Dictionary<string, string> { ["X-Api-Key"] = key }, "subscription { articleChanged(types: [CREATED, UPDATED]) { type version actor article { title } } }");
        await ReadyAsync(editor, api.Factory);

        var id = await api.CreateArticleAsync("Draft one");
        await api.UpdateAsync(id, 1, "Draft two");
        await api.PublishAsync(id);

        await editor.WaitForAsync(l => l.Count(IsNext) >= 2);
        await Task.Delay(300);
        var events = editor.Events.Select(e => e["value"]!["data"]!["articleChanged"]!).ToList();
        Assert.Equal(["CREATED:1", "UPDATED:2"], events.Select(e => $"{e["type"]}:{e["version"]}"));

        // The article is read when the event arrives: the creation's may already show the second draft.
        Assert.Contains(events[0]["article"]!["title"]!.GetValue<string>(), new[] { "Draft one", "Draft two" });
        Assert.Equal("Draft two", events[1]["article"]!["title"]!.GetValue<string>());
        Assert.All(events, e => Assert.StartsWith("api-key:", e["actor"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_key_is_refused_at_connection_init_with_4403()
    {
        using var api = new WebhookApi(Factory());
        var url = api.Factory.StartOnLoopback();
        await using var subscriber = await NodeSubscriber.StartAsync("ws", url, new Dictionary<string, string> { ["X-Api-Key"] = "cmsk_nothing_nothing" }, ArticleChanged);

        var lines = await subscriber.WaitForKindAsync("closed");
        Assert.Equal(4403, lines.Single(l => l["kind"]!.GetValue<string>() == "closed")["code"]!.GetValue<int>());
        Assert.DoesNotContain(lines, l => l["kind"]!.GetValue<string>() == "connected");
    }

    [Fact]
    public async Task A_reader_may_not_subscribe_to_media_and_the_depth_rule_applies_to_subscriptions()
    {
        using var api = new WebhookApi(Factory().WithSetting("GraphQL:Limits:MaxQueryDepth", "3"));
        var url = api.Factory.StartOnLoopback();
        await using var media = await NodeSubscriber.StartAsync("ws", url, null, "subscription { mediaAssetChanged { type } }");
        await using var deep = await NodeSubscriber.StartAsync("ws", url, null, "subscription { articleChanged { article { sections { key heading } } } }");

        var refused = (await media.WaitForKindAsync("error")).Single(l => l["kind"]!.GetValue<string>() == "error");
        Assert.Contains(refused["error"]!.AsArray(), e => e!["extensions"]!["code"]!.GetValue<string>() is "UNAUTHENTICATED" or "FORBIDDEN");
        var tooDeep = (await deep.WaitForKindAsync("error")).Single(l => l["kind"]!.GetValue<string>() == "error");
        Assert.Equal("QUERY_TOO_DEEP", tooDeep["error"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Limits_per_connection_and_per_caller_answer_with_their_codes()
    {
        using var api = new WebhookApi(Factory()
            .WithSetting("GraphQL:Subscriptions:MaxSubscriptionsPerConnection", "2")
            .WithSetting("GraphQL:Subscriptions:MaxConnectionsPerCaller", "1"));
        var url = api.Factory.StartOnLoopback();
        var key = new Dictionary<string, string> { ["X-Api-Key"] = await api.Factory.CreateApiKeyAsync(Role.Viewer) };
        await using var three = await NodeSubscriber.StartAsync("ws", url, key, ArticleChanged, count: 3);

        var lines = await three.WaitForKindAsync("error");
        var error = lines.Single(l => l["kind"]!.GetValue<string>() == "error");
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", error["error"]![0]!["extensions"]!["code"]!.GetValue<string>());

        await using var second = await NodeSubscriber.StartAsync("ws", url, key, ArticleChanged);
        var closed = (await second.WaitForKindAsync("closed")).Single(l => l["kind"]!.GetValue<string>() == "closed");
        Assert.Equal(4029, closed["code"]!.GetValue<int>());

        // The first connection still works: its two subscriptions each get the publication.
        var id = await api.CreateArticleAsync("Still served");
        await api.PublishAsync(id);
        await three.WaitForAsync(l => l.Count(IsNext) >= 2);
    }

    [Fact]
    public async Task A_change_made_through_one_instance_reaches_a_subscriber_of_another_within_two_seconds()
    {
        using var first = new WebhookApi(Factory());
        using var second = new WebhookApi(CmsApiFactory.OnDatabase(first.Factory.DatabasePath));
        second.Factory.DeleteDatabaseOnDispose = false;
        _ = await first.AdminAsync();
        var url = second.Factory.StartOnLoopback();
        await using var subscriber = await NodeSubscriber.StartAsync("ws", url, null, "subscription { articleChanged(types: [PUBLISHED]) { type articleId } }");
        await ReadyAsync(subscriber, second.Factory);

        var id = await first.CreateArticleAsync("Across instances");
        var published = DateTime.UtcNow;
        await first.PublishAsync(id);

        await subscriber.WaitForAsync(l => l.Any(IsNext), TimeSpan.FromSeconds(2) + (DateTime.UtcNow - published));
        Assert.Equal(id, subscriber.Events.Single()["value"]!["data"]!["articleChanged"]!["articleId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_change_made_on_this_instance_reaches_its_subscribers_without_waiting_for_the_poll_interval()
    {
        using var api = new WebhookApi(new CmsApiFactory().WithSetting("ChangeFeed:PollInterval", "00:00:30"));
        var url = api.Factory.StartOnLoopback();
        await using var subscriber = await NodeSubscriber.StartAsync("ws", url, null, "subscription { articleChanged(types: [PUBLISHED]) { type articleId } }");
        await ReadyAsync(subscriber, api.Factory);

        var id = await api.CreateArticleAsync("Heard at once");
        var published = DateTime.UtcNow;
        await api.PublishAsync(id);

        // Thirty seconds between polls; the commit itself wakes the feed.
        await subscriber.WaitForAsync(l => l.Any(IsNext), TimeSpan.FromSeconds(3) + (DateTime.UtcNow - published));
        Assert.Equal(id, subscriber.Events.Single()["value"]!["data"]!["articleChanged"]!["articleId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subscription_over_plain_http_is_refused_with_a_code()
    {
        using var api = new WebhookApi(Factory());
        var response = await GraphQLHttp.PostAsync(await api.AdminAsync(), new { query = ArticleChanged }, GraphQLHttp.GraphQLResponseJson);
        Assert.Equal(400, response.Status);
        Assert.Equal(["STREAMING_TRANSPORT_REQUIRED"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_query_from_a_client_that_also_accepts_event_streams_is_answered_as_json()
    {
        // urql sends this Accept on every request (for incremental delivery); the event stream is for those who prefer it.
        using var api = new WebhookApi(Factory());
        const string urql = "application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed";
        var response = await GraphQLHttp.PostAsync(await api.AdminAsync(), new { query = "{ articles(first: 1) { totalCount } }" }, urql);
        Assert.Equal(200, response.Status);
        Assert.Equal(8, response.Body!["data"]!["articles"]!["totalCount"]!.GetValue<int>()); // the published demo articles

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ articles(first: 1) { totalCount } }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "text/event-stream, application/json;q=0.5");
        using var preferred = await (await api.AdminAsync()).SendAsync(request);
        Assert.Equal("text/event-stream", preferred.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("event: next", await preferred.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static CmsApiFactory Factory() => new CmsApiFactory().WithSetting("ChangeFeed:PollInterval", "00:00:00.050");

    internal static bool IsNext(JsonNode line) => line["kind"]!.GetValue<string>() == "next";

    /// <summary>Connected, and the subscription open on the server, before anything changes.</summary>
    internal static async Task ReadyAsync(NodeSubscriber subscriber, CmsApiFactory server, int subscriptions = 1)
    {
        await subscriber.WaitForKindAsync("connected");
        await server.WaitForSubscriptionsAsync(subscriptions);
    }
}
