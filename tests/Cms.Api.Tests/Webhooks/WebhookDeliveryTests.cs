using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Events;
using Cms.Testing;

namespace Cms.Api.Tests.Webhooks;

/// <summary>
/// Deliveries to a real receiver on loopback, every signature checked by the <c>standardwebhooks</c> npm package: each
/// event type, retries and their limits, order per article, two dispatchers, a restart, rotation, test sends and redelivery.
/// </summary>
[Collection(WebhookReceiverTests.Name)]
public sealed class WebhookDeliveryTests(WebhookReceiverFixture receiver)
{
    private static readonly string[] EveryEvent = [.. ChangeEventTypes.All.Select(t => t.Replace('.', '_').ToUpperInvariant())];

    private WebhookReceiver Receiver => receiver.Receiver;

    [Fact]
    public async Task Every_event_type_arrives_signed_with_the_standard_webhooks_headers_and_body()
    {
        using var api = new WebhookApi();
        var route = Route();
        var (webhookId, secret) = await api.CreateWebhookAsync(Receiver.UrlOf(route), EveryEvent);
        await Receiver.ConfigureAsync(route, [secret]);

        var articleId = await api.CreateArticleAsync("Every event");
        await api.UpdateAsync(articleId, 1, "Every event, revised");
        await api.PublishAsync(articleId);
        await api.MutateAsync("changeSlug", $$"""{ id: "{{articleId}}", slug: "every-event-renamed" }""", "article { id }");
        await api.MutateAsync("schedulePublication", $$"""{ id: "{{articleId}}", at: "{{DateTime.UtcNow.AddDays(3):O}}" }""", "article { id }");
        await api.MutateAsync("cancelScheduledPublication", $$"""{ id: "{{articleId}}" }""", "article { id }");
        await api.MutateAsync("unpublishArticle", $$"""{ id: "{{articleId}}" }""", "article { id }");
        await api.MutateAsync("archiveArticle", $$"""{ id: "{{articleId}}" }""", "article { id }");
        await api.MutateAsync("deleteArticle", $$"""{ id: "{{articleId}}" }""", "article { id }");
        var media = await Cms.Api.Tests.Media.MediaTestClient.ForAsync(api.Factory);
        var asset = await media.UploadAssetAsync(Cms.Api.Tests.Media.MediaTestClient.TwoColourImage(8, 8), "dot.png", "image/png", new { altText = "A dot" });
        var assetId = asset["id"]!.GetValue<string>();
        await api.MutateAsync("updateMediaAsset", $$"""{ id: "{{assetId}}", caption: "A caption" }""", "mediaAsset { id }");
        await api.MutateAsync("deleteMediaAsset", $$"""{ id: "{{assetId}}" }""", "mediaAsset { id }");

        var received = await Receiver.WaitForAsync(route, ChangeEventTypes.All.Count);
        Assert.Equal(ChangeEventTypes.All.Order(StringComparer.Ordinal), received.Select(r => r["type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(received, r => Assert.True(r["verified"]!.GetValue<bool>(), r.ToJsonString()));
        Assert.All(received, r => Assert.Equal("application/json; charset=utf-8", r["contentType"]!.GetValue<string>()));
        var articleEvents = received.Where(r => r["type"]!.GetValue<string>().StartsWith("article.", StringComparison.Ordinal)).ToList();
        Assert.All(articleEvents, r => Assert.Equal(articleId, r["data"]!["id"]!.GetValue<string>()));
        Assert.Equal(["article.created", "article.updated", "article.published", "article.slug_changed", "article.scheduled", "article.schedule_cancelled", "article.unpublished", "article.archived", "article.deleted"],
            articleEvents.Select(r => r["type"]!.GetValue<string>()));
        var slugChanged = articleEvents.Single(r => r["type"]!.GetValue<string>() == "article.slug_changed");
        Assert.Equal(("every-event-renamed", "every-event"), (slugChanged["data"]!["slug"]!.GetValue<string>(), slugChanged["data"]!["previousSlug"]!.GetValue<string>()));
        Assert.Contains("slug:every-event", slugChanged["data"]!["purgeTags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("slug:every-event-renamed", slugChanged["data"]!["purgeTags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Null(articleEvents.Single(r => r["type"]!.GetValue<string>() == "article.updated")["data"]!["purgeTags"]);
        var published = articleEvents.Single(r => r["type"]!.GetValue<string>() == "article.published");
        Assert.Equal(2, published["data"]!["version"]!.GetValue<int>());
        Assert.Equal(assetId, received.First(r => r["type"]!.GetValue<string>() == "media.created")["data"]!["id"]!.GetValue<string>());
        Assert.All(received, r => Assert.Null(r["data"]!["title"]));

        // The receiver records a delivery before it answers; the dispatcher records the answer after.
        var deliveries = await api.DeliveriesAsync(webhookId);
        for (var tries = 0; tries < 100 && deliveries.Any(d => d!["status"]!.GetValue<string>() != "SUCCEEDED"); tries++)
        {
            await Task.Delay(50);
            deliveries = await api.DeliveriesAsync(webhookId);
        }

        Assert.Equal(ChangeEventTypes.All.Count, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(("SUCCEEDED", 1, 200), (d!["status"]!.GetValue<string>(), d["attemptCount"]!.GetValue<int>(), d["attempts"]![0]!["statusCode"]!.GetValue<int>())));
        Assert.Equal(received.Select(r => r["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), deliveries.Select(d => d!["messageId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_the_subscribed_events_arrive_and_a_refused_change_sends_nothing()
    {
        using var api = new WebhookApi();
        var route = Route();
        var (webhookId, secret) = await api.CreateWebhookAsync(Receiver.UrlOf(route), "ARTICLE_PUBLISHED");
        await Receiver.ConfigureAsync(route, [secret]);

        var articleId = await api.CreateArticleAsync("Only published");
        var stale = await api.GraphQLAsync($$"""mutation { updateArticle(input: { id: "{{articleId}}", expectedVersion: 7, title: "Lost" }) { errors { ... on UserError { code } } } }""");
        Assert.Equal("VERSION_CONFLICT", stale["updateArticle"]!["errors"]![0]!["code"]!.GetValue<string>());
        await api.PublishAsync(articleId);
        await api.MutateAsync("sendTestWebhook", $$"""{ id: "{{webhookId}}" }""", "delivery { id }");

        var received = await Receiver.WaitForAsync(route, 2);
        await Task.Delay(300);
        received = await Receiver.ReceivedAsync(route);
        Assert.Equal(["article.published", "webhook.test"], received.Select(r => r["type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(received, r => Assert.True(r["verified"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_500_and_a_timeout_are_retried_with_the_same_webhook_id_and_the_log_shows_each_attempt()
    {
        using var api = new WebhookApi();
        var route = Route();
        var (webhookId, secret) = await api.CreateWebhookAsync(Receiver.UrlOf(route), "ARTICLE_CREATED");
        await Receiver.ConfigureAsync(route, [secret], [new { status = 500, body = "database down" }, new { status = 200, delayMs = 6500 }]);

        await api.CreateArticleAsync("Retried");

        var received = await Receiver.WaitForAsync(route, 3);
        Assert.Single(received.Select(r => r["id"]!.GetValue<string>()).Distinct());
        Assert.All(received, r => Assert.True(r["verified"]!.GetValue<bool>()));
        var delivery = await WaitForDeliveryAsync(api, webhookId, "SUCCEEDED");
        var attempts = delivery["attempts"]!.AsArray();
        Assert.Equal([1, 2, 3], attempts.Select(a => a!["number"]!.GetValue<int>()));
        Assert.Equal(500, attempts[0]!["statusCode"]!.GetValue<int>());
        Assert.Equal("database down", attempts[0]!["responseStart"]!.GetValue<string>());
        Assert.Null(attempts[1]!["statusCode"]);
        Assert.Contains("No answer within", attempts[1]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, attempts[2]!["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Retry_after_is_honoured_and_a_400_is_final()
    {
        using var api = new WebhookApi();
        var patient = Route();
        var final = Route();
        var (_, patientSecret) = await api.CreateWebhookAsync(Receiver.UrlOf(patient), "ARTICLE_CREATED");
        var (finalId, finalSecret) = await api.CreateWebhookAsync(Receiver.UrlOf(final), "ARTICLE_CREATED");
        await Receiver.ConfigureAsync(patient, [patientSecret], [new { status = 429, retryAfter = 2 }]);
        await Receiver.ConfigureAsync(final, [finalSecret], [new { status = 400 }]);

        await api.CreateArticleAsync("Patience");

        var received = await Receiver.WaitForAsync(patient, 2);
        var waited = received[1]["at"]!.GetValue<long>() - received[0]["at"]!.GetValue<long>();
        Assert.InRange(waited, 1900, 6000);
        var refused = await WaitForDeliveryAsync(api, finalId, "FAILED");
        Assert.Equal((1, 400), (refused["attemptCount"]!.GetValue<int>(), refused["lastStatusCode"]!.GetValue<int>()));
        Assert.Single(await Receiver.ReceivedAsync(final));
    }

    [Fact]
    public async Task Events_of_one_article_arrive_in_order_while_an_earlier_one_retries_and_other_articles_are_not_held_up()
    {
        using var api = new WebhookApi();
        var route = Route();
        var (_, secret) = await api.CreateWebhookAsync(Receiver.UrlOf(route), "ARTICLE_CREATED", "ARTICLE_UPDATED", "ARTICLE_PUBLISHED");
        // The first five deliveries fail: article A's creation is retried for a second or more (B's may catch one of them too).
        await Receiver.ConfigureAsync(route, [secret], Enumerable.Repeat(new { status = 503 }, 5));

        var first = await api.CreateArticleAsync("Held back");
        await Receiver.WaitForAsync(route, 1);
        await api.UpdateAsync(first, 1, "Held back, revised");
        await api.PublishAsync(first);
        var second = await api.CreateArticleAsync("Not held up");

        var received = await Receiver.WaitUntilAsync(route, all =>
            all.Any(r => r["type"]!.GetValue<string>() == "article.published") && all.Any(r => r["data"]!["id"]!.GetValue<string>() == second));
        var delivered = received.Select(r => (Id: r["data"]!["id"]!.GetValue<string>(), Type: r["type"]!.GetValue<string>())).ToList();
        var ofFirst = delivered.Where(d => d.Id == first).Select(d => d.Type).ToList();
        var creations = ofFirst.TakeWhile(t => t == "article.created").Count();
        Assert.True(creations >= 2, string.Join(", ", ofFirst));
        Assert.Equal(["article.updated", "article.published"], ofFirst.Skip(creations));
        var secondAt = delivered.FindIndex(d => d.Id == second);
        var lastTryOfFirstCreation = delivered.FindLastIndex(d => d.Id == first && d.Type == "article.created");
        Assert.True(secondAt < lastTryOfFirstCreation, string.Join(", ", delivered));
    }

    [Fact]
    public async Task Two_dispatching_instances_on_one_database_deliver_each_event_once()
    {
        using var first = new WebhookApi();
        using var second = new WebhookApi(CmsApiFactory.OnDatabase(first.Factory.DatabasePath));
        second.Factory.DeleteDatabaseOnDispose = false;
        var route = Route();
        var (_, secret) = await first.CreateWebhookAsync(Receiver.UrlOf(route), "ARTICLE_CREATED", "ARTICLE_PUBLISHED");
        await Receiver.ConfigureAsync(route, [secret]);
        _ = await second.AdminAsync();

        for (var i = 0; i < 15; i++)
        {
            var api = i % 2 == 0 ? first : second;
            await api.PublishAsync(await api.CreateArticleAsync($"Twice served {i}"));
        }

        await Receiver.WaitForAsync(route, 30);
        await Task.Delay(500);
        var received = await Receiver.ReceivedAsync(route);
        Assert.Equal(30, received.Count);
        Assert.Equal(30, received.Select(r => r["id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task An_event_committed_before_the_server_stopped_is_delivered_after_it_restarts()
    {
        var (path, route) = await CommitUndeliveredEventAsync();
        await Task.Delay(300);
        Assert.Empty(await Receiver.ReceivedAsync(route));

        using var restarted = new WebhookApi(CmsApiFactory.OnDatabase(path));
        _ = await restarted.AdminAsync();
        var received = await Receiver.WaitForAsync(route, 1, TimeSpan.FromSeconds(40));
        Assert.Equal("article.created", Assert.Single(received)["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_server_killed_during_a_send_delivers_the_event_after_a_restart_under_the_same_webhook_id()
    {
        // The first request is held at the receiver for a minute; the server is killed while it waits.
        var (path, route) = await CommitUndeliveredEventAsync([new { status = 200, delayMs = 60_000 }]);

        var start = CmsProcess.StartInfo();
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        start.Environment["Database__ConnectionString"] = $"Data Source={path}";
        start.Environment["Media__Store__Folder"] = path + ".media";
        start.Environment["Auth__BootstrapAdminKey"] = "false";
        start.Environment["Webhooks__AllowedHosts__0"] = "127.0.0.1";
        start.Environment["Webhooks__PollInterval"] = "00:00:00.050";
        start.Environment["Webhooks__Timeout"] = "00:00:02";
        await using (var server = CmsProcess.Start(start))
        {
            await server.WaitUntilListeningAsync();
            await Receiver.WaitForAsync(route, 1, TimeSpan.FromSeconds(30));
            await server.KillAsync();
        }

        // The killed server's claim lapses (three timeouts and 10 s), and a new one sends the event again.
        using var restarted = new WebhookApi(CmsApiFactory.OnDatabase(path));
        _ = await restarted.AdminAsync();
        var received = await Receiver.WaitForAsync(route, 2, TimeSpan.FromSeconds(60));
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.True(r["verified"]!.GetValue<bool>()));
        Assert.Equal(received[0]["id"]!.GetValue<string>(), received[1]["id"]!.GetValue<string>());
        Assert.Equal("article.created", received[1]["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_a_rotation_deliveries_carry_both_signatures_until_the_overlap_ends()
    {
        using var api = new WebhookApi();
        var route = Route();
        var (webhookId, oldSecret) = await api.CreateWebhookAsync(Receiver.UrlOf(route), "ARTICLE_CREATED");
        var rotated = await api.MutateAsync("rotateWebhookSecret", $$"""{ id: "{{webhookId}}" }""", "secret webhook { previousSecretExpiresAt }");
        var newSecret = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.StartsWith("whsec_", newSecret, StringComparison.Ordinal);
        Assert.NotNull(rotated["webhook"]!["previousSecretExpiresAt"]);
        await Receiver.ConfigureAsync(route, [oldSecret, newSecret]);

        await api.CreateArticleAsync("Rotated");

        var received = Assert.Single(await Receiver.WaitForAsync(route, 1));
        Assert.Equal(2, received["signatures"]!.GetValue<int>());
        Assert.Equal([0, 1], received["verifiedWith"]!.AsArray().Select(i => i!.GetValue<int>()));

        // The secret is never readable afterwards.
        var schema = await api.GraphQLAsync("{ __type(name: \"Webhook\") { fields { name } } }");
        Assert.DoesNotContain(schema["__type"]!["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>().Contains("secret", StringComparison.OrdinalIgnoreCase) && f["name"]!.GetValue<string>() != "previousSecretExpiresAt");
    }

    [Fact]
    public async Task Without_an_overlap_only_the_new_secret_signs()
    {
        using var api = new WebhookApi(new CmsApiFactory().WithSetting("Webhooks:SecretOverlap", "00:00:00"));
        var route = Route();
        var (webhookId, oldSecret) = await api.CreateWebhookAsync(Receiver.UrlOf(route), "ARTICLE_CREATED");
        var newSecret = (await api.MutateAsync("rotateWebhookSecret", $$"""{ id: "{{webhookId}}" }""", "secret"))["secret"]!.GetValue<string>();
        await Receiver.ConfigureAsync(route, [oldSecret, newSecret]);

        await api.CreateArticleAsync("Only new");

        var received = Assert.Single(await Receiver.WaitForAsync(route, 1));
        Assert.Equal([1], received["verifiedWith"]!.AsArray().Select(i => i!.GetValue<int>()));
    }

    [Fact]
    public async Task A_delivery_can_be_sent_again_with_its_id_and_a_test_send_arrives()
    {
        using var api = new WebhookApi();
        var route = Route();
        var (webhookId, secret) = await api.CreateWebhookAsync(Receiver.UrlOf(route), "ARTICLE_CREATED");
        await Receiver.ConfigureAsync(route, [secret], [new { status = 410 }]);
        await api.CreateArticleAsync("Gone, then back");
        var failed = await WaitForDeliveryAsync(api, webhookId, "FAILED");

        await api.MutateAsync("redeliverWebhookEvent", $$"""{ id: "{{failed["id"]!.GetValue<string>()}}" }""", "delivery { status }");
        var received = await Receiver.WaitForAsync(route, 2);
        Assert.Equal(received[0]["id"]!.GetValue<string>(), received[1]["id"]!.GetValue<string>());
        var redelivered = await WaitForDeliveryAsync(api, webhookId, "SUCCEEDED");
        Assert.Equal(2, redelivered["attemptCount"]!.GetValue<int>());

        var test = await api.MutateAsync("sendTestWebhook", $$"""{ id: "{{webhookId}}" }""", "delivery { eventType status }");
        Assert.Equal(("webhook.test", "PENDING"), (test["delivery"]!["eventType"]!.GetValue<string>(), test["delivery"]!["status"]!.GetValue<string>()));
        var all = await Receiver.WaitForAsync(route, 3);
        Assert.Equal("webhook.test", all[2]["type"]!.GetValue<string>());
        Assert.Equal(webhookId, all[2]["data"]!["webhookId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_webhook_failing_for_longer_than_the_limit_is_turned_off_with_the_reason()
    {
        using var api = new WebhookApi(new CmsApiFactory().WithSetting("Webhooks:DisableAfter", "00:00:01"));
        var route = Route();
        var (webhookId, secret) = await api.CreateWebhookAsync(Receiver.UrlOf(route), "ARTICLE_CREATED");
        await Receiver.ConfigureAsync(route, [secret], fallback: new { status = 502 });

        await api.CreateArticleAsync("Failing");

        var until = DateTime.UtcNow.AddSeconds(15);
        JsonNode webhook;
        do
        {
            await Task.Delay(100);
            webhook = (await api.GraphQLAsync("query($id: ID!) { webhook(id: $id) { active disabledAt disabledReason failingSince } }", new { id = webhookId }))["webhook"]!;
        }
        while (webhook["active"]!.GetValue<bool>() && DateTime.UtcNow < until);

        Assert.False(webhook["active"]!.GetValue<bool>());
        Assert.Contains("HTTP 502", webhook["disabledReason"]!.GetValue<string>(), StringComparison.Ordinal);
        var count = (await Receiver.ReceivedAsync(route)).Count;
        await Task.Delay(800);
        Assert.Equal(count, (await Receiver.ReceivedAsync(route)).Count);

        // Turned on again by an admin, it delivers.
        await Receiver.ConfigureAsync(route, [secret], fallback: new { status = 200 });
        var reactivated = await api.MutateAsync("updateWebhook", $$"""{ id: "{{webhookId}}", active: true }""", "webhook { active disabledReason failingSince }");
        Assert.Equal("""{"active":true,"disabledReason":null,"failingSince":null}""", reactivated["webhook"]!.ToJsonString());
        await WaitForDeliveryAsync(api, webhookId, "SUCCEEDED");
    }

    /// <summary>
    /// A database left behind by a server that never dispatched: a webhook on a fresh route answering as planned, and an
    /// article.created event it is owed.
    /// </summary>
    private async Task<(string DatabasePath, string Route)> CommitUndeliveredEventAsync(IEnumerable<object>? plan = null)
    {
        var path = CmsApiFactory.NewDatabasePath();
        var route = Route();
        using var stopped = new WebhookApi(CmsApiFactory.OnDatabase(path).WithSetting("Webhooks:Dispatch", "false"));
        stopped.Factory.DeleteDatabaseOnDispose = false;
        var (_, secret) = await stopped.CreateWebhookAsync(Receiver.UrlOf(route), "ARTICLE_CREATED");
        await Receiver.ConfigureAsync(route, [secret], plan);
        await stopped.CreateArticleAsync("Owed to a webhook");
        return (path, route);
    }

    private static string Route() => $"hook-{Guid.NewGuid():N}";

    private static async Task<JsonNode> WaitForDeliveryAsync(WebhookApi api, string webhookId, string status)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = (await api.DeliveriesAsync(webhookId, status)).FirstOrDefault();
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, $"No {status} delivery within 20 s: {(await api.DeliveriesAsync(webhookId)).ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
