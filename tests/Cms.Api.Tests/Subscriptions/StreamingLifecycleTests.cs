using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;
using Cms.Api.Tests.Media;
using Cms.Api.Tests.Webhooks;
using Cms.Model.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Api.Tests.Subscriptions;

/// <summary>
/// How streaming connections end and what viewers of media receive: a client that stops reading is closed with 4013
/// instead of being buffered for, a shutdown closes every socket with 1001 and ends every event stream, and
/// <c>mediaAssetChanged</c> reaches a viewer.
/// </summary>
public sealed class StreamingLifecycleTests
{
    [Fact]
    public async Task A_client_that_stops_reading_is_closed_with_4013_once_its_queue_is_full_and_nothing_is_buffered_beyond_it()
    {
        var logs = new CapturingLoggerProvider();
        using var api = new WebhookApi(SubscriptionTests.Factory()
            .WithSetting("GraphQL:Subscriptions:MaxQueuedMessages", "4")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var url = api.Factory.StartOnLoopback();
        var id = await CreateLongArticleAsync(api);
        using var client = await SmallWindowWebSocket.ConnectAsync(url);
        await client.SendAsync(new { type = "connection_init", payload = new Dictionary<string, string> { ["X-Api-Key"] = await api.Factory.CreateApiKeyAsync(Role.Editor) } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        for (var i = 0; i < 10; i++)
        {
            await client.SendAsync(new { id = $"op{i}", type = "subscribe", payload = new { query = $$"""subscription { articleChanged(id: "{{id}}") { version article { sections { body } } } }""" } });
        }

        await api.Factory.WaitForSubscriptionsAsync(10);

        // Each save now owes the client ten messages of ~60 KB, which it does not read.
        var version = 1;
        while (!logs.Entries.Any(IsSlowConsumer) && version < 40)
        {
            await api.UpdateAsync(id, version, $"A long article, draft {++version}");
        }

        Assert.Contains(logs.Entries, IsSlowConsumer);

        // Reading again: what was being written when the queue filled, then the close frame.
        var (messages, status, reason) = await client.ReadUntilClosedAsync();
        Assert.Equal((WebSocketCloseStatus)4013, status);
        Assert.Equal("Slow consumer", reason);
        Assert.True(messages < (version - 1) * 10, $"{messages} messages of {(version - 1) * 10} events arrived: the server buffered instead of closing.");
    }

    [Fact]
    public async Task A_socket_without_connection_init_is_closed_with_4408_while_an_acknowledged_one_stays_and_is_pinged()
    {
        using var api = new WebhookApi(SubscriptionTests.Factory()
            .WithSetting("GraphQL:Subscriptions:ConnectionInitTimeout", "00:00:00.300")
            .WithSetting("GraphQL:Subscriptions:KeepAlive", "00:00:00.200"));
        var url = api.Factory.StartOnLoopback();
        using var silent = await SmallWindowWebSocket.ConnectAsync(url);
        using var acknowledged = await SmallWindowWebSocket.ConnectAsync(url);
        await acknowledged.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", (await acknowledged.ReceiveAsync())!["type"]!.GetValue<string>());

        var (_, status, reason) = await silent.ReadUntilClosedAsync();
        Assert.Equal(((WebSocketCloseStatus)4408, "Connection initialisation timeout"), (status, reason));

        // Well past the timeout the acknowledged socket is open, and pinged at every keep-alive interval.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("ping", (await acknowledged.ReceiveAsync())?["type"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task An_idle_event_stream_gets_a_comment_line_at_every_keep_alive_interval()
    {
        using var api = new WebhookApi(SubscriptionTests.Factory().WithSetting("GraphQL:Subscriptions:KeepAlive", "00:00:00.200"));
        var url = api.Factory.StartOnLoopback();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(new { query = SubscriptionTests.ArticleChanged }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var comments = 0;
        while (comments < 4)
        {
            var line = await stream.ReadLineAsync(timeout.Token);
            Assert.NotNull(line);
            Assert.DoesNotContain("event:", line, StringComparison.Ordinal);
            comments += line == ":" ? 1 : 0;
        }
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task A_shutdown_closes_every_socket_with_1001_and_ends_every_event_stream_without_complete(string mode)
    {
        var api = new WebhookApi(SubscriptionTests.Factory());
        try
        {
            var url = api.Factory.StartOnLoopback();
            await using var subscriber = await NodeSubscriber.StartAsync(mode, url, null, SubscriptionTests.ArticleChanged);
            await SubscriptionTests.ReadyAsync(subscriber, api.Factory);

            var stopping = Stopwatch.StartNew();
            api.Dispose();

            // Well inside the host's 30-second shutdown timeout: the connections ended, nobody waited them out.
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"Shutdown took {stopping.Elapsed}.");
            var lines = await subscriber.WaitForAsync(l => l.Any(e => e["kind"]!.GetValue<string>() is "closed" or "error"));
            Assert.DoesNotContain(lines, l => l["kind"]!.GetValue<string>() == "complete");
            if (mode == "ws")
            {
                Assert.Equal(1001, lines.Single(l => l["kind"]!.GetValue<string>() == "closed")["code"]!.GetValue<int>());
            }
        }
        finally
        {
            api.Dispose();
        }
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task A_viewer_receives_media_changes_with_the_asset_as_it_now_is(string mode)
    {
        using var api = new WebhookApi(SubscriptionTests.Factory());
        var url = api.Factory.StartOnLoopback();
        var viewer = new Dictionary<string, string> { ["X-Api-Key"] = await api.Factory.CreateApiKeyAsync(Role.Viewer) };
        await using var subscriber = await NodeSubscriber.StartAsync(mode, url, viewer, "subscription { mediaAssetChanged { type assetId actor mediaAsset { altText caption } } }");
        await SubscriptionTests.ReadyAsync(subscriber, api.Factory);

        var media = await MediaTestClient.ForAsync(api.Factory, Role.Editor);
        var asset = await media.UploadAssetAsync(MediaTestClient.TwoColourImage(8, 8), "dot.png", "image/png", new { altText = "A dot" });
        var assetId = asset["id"]!.GetValue<string>();
        await api.MutateAsync("updateMediaAsset", $$"""{ id: "{{assetId}}", caption: "A caption" }""", "mediaAsset { id }");
        await api.MutateAsync("deleteMediaAsset", $$"""{ id: "{{assetId}}" }""", "mediaAsset { id }");

        await subscriber.WaitForAsync(l => l.Count(SubscriptionTests.IsNext) >= 3);
        var events = subscriber.Events.Select(e => e["value"]!["data"]!["mediaAssetChanged"]!).ToList();
        Assert.Equal(["CREATED", "UPDATED", "DELETED"], events.Select(e => e["type"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(assetId, e["assetId"]!.GetValue<string>()));

        // Each event resolves the asset when it is sent; by then it may be deleted already, which makes it null.
        Assert.All(events.Select(e => e["mediaAsset"]).OfType<JsonNode>(), a => Assert.Equal("A dot", a["altText"]!.GetValue<string>()));
        Assert.Null(events[2]["mediaAsset"]);
    }

    private static bool IsSlowConsumer(CapturingLoggerProvider.LogEntry entry) =>
        entry.Message.Contains("slow consumer", StringComparison.Ordinal);

    private static async Task<string> CreateLongArticleAsync(WebhookApi api)
    {
        var data = await api.GraphQLAsync(
            "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } errors { __typename } } }",
            new
            {
                input = new
                {
                    title = "A long article",
                    summary = "Sixty thousand characters in one section.",
                    historicalDate = new { start = new { year = 1066, month = 10, day = 14 }, precision = "DAY" },
                    sections = new[] { new { heading = "What happened?", body = string.Concat(Enumerable.Repeat("The shield wall held until dusk. ", 1_900)) } },
                },
            });
        return data["createArticle"]!["article"]!["id"]!.GetValue<string>();
    }

    /// <summary>
    /// A graphql-transport-ws client on a socket with a 4 KB receive buffer, so that not reading fills the connection
    /// within a few messages, as a stalled phone on a poor network would.
    /// </summary>
    private sealed class SmallWindowWebSocket(ClientWebSocket socket, HttpMessageInvoker invoker) : IDisposable
    {
        private readonly byte[] _buffer = new byte[64 * 1024];

        public static async Task<SmallWindowWebSocket> ConnectAsync(Uri graphQLUrl)
        {
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                    await tcp.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(tcp, ownsSocket: true);
                },
            };
            var invoker = new HttpMessageInvoker(handler);
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("graphql-transport-ws");
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri(graphQLUrl.ToString().Replace("http://", "ws://", StringComparison.Ordinal)), invoker, CancellationToken.None);
            return new SmallWindowWebSocket(socket, invoker);
        }

        public Task SendAsync(object message) =>
            socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

        /// <summary>The next whole message, or null when the server closed.</summary>
        public async Task<JsonNode?> ReceiveAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            using var message = new MemoryStream();
            while (true)
            {
                var received = await socket.ReceiveAsync(_buffer, timeout.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(_buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    return JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                }
            }
        }

        public async Task<(int Messages, WebSocketCloseStatus? Status, string? Reason)> ReadUntilClosedAsync()
        {
            var messages = 0;
            while (await ReceiveAsync() is not null)
            {
                messages++;
            }

            return (messages, socket.CloseStatus, socket.CloseStatusDescription);
        }

        public void Dispose()
        {
            socket.Dispose();
            invoker.Dispose();
        }
    }
}
