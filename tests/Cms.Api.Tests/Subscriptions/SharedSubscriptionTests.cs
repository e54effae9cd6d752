using Cms.Api.Subscriptions;
using Cms.Api.Tests.Infrastructure;
using Cms.Api.Tests.Webhooks;
using Cms.Api.Transport;
using Cms.Model.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Subscriptions;

/// <summary>
/// Anonymous readers of the same operation share one execution (over both transports), which outlives the reader who
/// started it and ends with the last; a caller with credentials, or another operation, runs its own.
/// </summary>
public sealed class SharedSubscriptionTests
{
    [Fact]
    public async Task Readers_of_one_operation_share_an_execution_that_outlives_the_reader_who_started_it()
    {
        using var api = new WebhookApi(SubscriptionTests.Factory());
        var url = api.Factory.StartOnLoopback();
        var shared = api.Factory.Services.GetRequiredService<SharedSubscriptions>();
        var feed = api.Factory.Services.GetRequiredService<ChangeFeed>();
        var open = api.Factory.Services.GetRequiredService<OpenSubscriptions>();

        var starter = await NodeSubscriber.StartAsync("ws", url, null, SubscriptionTests.ArticleChanged);
        await SubscriptionTests.ReadyAsync(starter, api.Factory);
        await using var overWebSocket = await NodeSubscriber.StartAsync("ws", url, null, SubscriptionTests.ArticleChanged);
        await SubscriptionTests.ReadyAsync(overWebSocket, api.Factory, 2);
        await using var overEventStream = await NodeSubscriber.StartAsync("sse", url, null, SubscriptionTests.ArticleChanged);
        await SubscriptionTests.ReadyAsync(overEventStream, api.Factory, 3);
        await using var editor = await NodeSubscriber.StartAsync("ws", url, new Dictionary<string, string> { ["X-Api-Key"] = await api.Factory.CreateApiKeyAsync(Role.Editor) }, SubscriptionTests.ArticleChanged);
        await SubscriptionTests.ReadyAsync(editor, api.Factory, 4);
        await using var otherOperation = await NodeSubscriber.StartAsync("ws", url, null, "subscription { articleChanged(types: [PUBLISHED]) { type version } }");
        await SubscriptionTests.ReadyAsync(otherOperation, api.Factory, 5);

        Assert.Equal(2, shared.GroupCount);
        Assert.Equal(3, feed.ListenerCount); // the three readers' group, the other operation's group, the editor's own

        // The reader whose subscription started the group goes away; the group keeps its execution for the others.
        await starter.DisposeAsync();
        await WaitUntilAsync(() => open.Count == 4);
        var id = await api.CreateArticleAsync("Shared by the readers");
        await api.PublishAsync(id);

        foreach (var reader in new[] { overWebSocket, overEventStream })
        {
            await reader.WaitForAsync(l => l.Any(SubscriptionTests.IsNext));
            var published = Assert.Single(reader.Events)["value"]!["data"]!["articleChanged"]!;
            Assert.Equal(("PUBLISHED", id, "Shared by the readers"), (published["type"]!.GetValue<string>(), published["articleId"]!.GetValue<string>(), published["article"]!["title"]!.GetValue<string>()));
        }

        await editor.WaitForAsync(l => l.Count(SubscriptionTests.IsNext) >= 2);
        await otherOperation.WaitForAsync(l => l.Any(SubscriptionTests.IsNext));
        Assert.Equal(2, shared.GroupCount);

        // The last readers of the operation leave: its execution ends and stops listening.
        await overWebSocket.DisposeAsync();
        await overEventStream.DisposeAsync();
        await WaitUntilAsync(() => open.Count == 2);
        Assert.Equal(1, shared.GroupCount);
        Assert.Equal(2, feed.ListenerCount);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The server did not notice the subscribers leaving within 20 s.");
            await Task.Delay(20);
        }
    }
}
