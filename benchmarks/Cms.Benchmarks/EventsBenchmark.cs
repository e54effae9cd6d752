using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Cms.Benchmarks.Harness;

namespace Cms.Benchmarks;

/// <summary>
/// Change events under load (issue 26), against a Release CMS server in its own process on loopback:
/// <list type="number">
/// <item>Publishes one after another in ten blocks of 200 alternating A B B A, without webhooks and with three webhooks
/// subscribed (a receiver in this process answering 204; fresh webhooks per block, deleted once its deliveries arrived):
/// the publish mutation's p95 under each condition. Then 1,000 publishes in a row with three webhooks, and when the last
/// of their 3,000 deliveries arrived after the last publish.</item>
/// <item>1,000 idle graphql-transport-ws subscriptions on one instance: the server's memory per subscription, and for 10
/// publishes the time from sending the mutation to each socket's <c>next</c> (p50, p95; after one warm-up publish, whose
/// own time is reported apart), beside a bare Kestrel process
/// broadcasting the same bytes to 1,000 WebSockets (the ceiling), measured in the same run.</item>
/// </list>
/// <c>--smoke</c>: 20 publishes and 20 sockets, so CI keeps the harness working; its figures mean nothing.
/// </summary>
public static class EventsBenchmark
{
    private const string SubscriptionQuery = "subscription { articleChanged(types: [PUBLISHED]) { type slug version } }";

    public static async Task RunAsync(bool smoke, bool subscriptionsOnly)
    {
        var publishes = smoke ? 20 : 1_000;
        var sockets = smoke ? 20 : 1_000;
        using var work = WorkFolder.Create("cms-events-");
        var cmsDll = await work.PublishServerAsync();
        var environment = new Dictionary<string, string>
        {
            ["Webhooks__AllowHttp"] = "true",
            ["Webhooks__AllowedHosts__0"] = "127.0.0.1",
            ["GraphQL__Subscriptions__MaxConnectionsPerCaller"] = "5000",
        };

        WebhookFigures? webhooks = subscriptionsOnly ? null : await MeasureWebhooksAsync(cmsDll, work.FullName, environment, publishes);
        // A database of its own, so that the second server makes its own admin key.
        var subscriptions = await MeasureSubscriptionsAsync(cmsDll, Directory.CreateDirectory(Path.Combine(work.FullName, "subscriptions")).FullName, environment, sockets);

        Console.WriteLine();
        Console.WriteLine($"| measure ({(webhooks is null ? string.Empty : $"{publishes} publishes, ")}{sockets} subscriptions) | result | target |");
        Console.WriteLine("| --- | ---: | ---: |");
        if (webhooks is { } w)
        {
            Console.WriteLine($"| publish p95, no webhook, alternating blocks (ms) | {w.Without.P95:0.0} | |");
            Console.WriteLine($"| publish p95, 3 webhooks, alternating blocks (ms) | {w.With.P95:0.0} | ≤ {w.Without.P95 * 1.1:0.0} (+10 %) |");
            Console.WriteLine($"| publish p95 ratio with / without | {w.With.P95 / w.Without.P95:0.00} | ≤ 1.10 |");
            Console.WriteLine($"| publish p99 / max, no webhook (ms) | {w.Without.P99:0.0} / {w.Without.Max:0.0} | |");
            Console.WriteLine($"| publish p99 / max, 3 webhooks (ms) | {w.With.P99:0.0} / {w.With.Max:0.0} | |");
            Console.WriteLine($"| publish p95, {publishes} in a row with 3 webhooks (ms) | {w.ContinuousP95:0.0} | |");
            Console.WriteLine($"| all {3 * publishes} deliveries received, after the last publish (s) | {w.DrainedSeconds:0.00} | ≤ 30 |");
        }

        var s = subscriptions;
        Console.WriteLine($"| server memory per idle subscription, resident (KiB; after a full collection) | {s.Memory.RssKiB:0.0} | ≤ 20 |");
        Console.WriteLine($"| ceiling: bare Kestrel's memory per idle socket, same measure (KiB) | {s.CeilingMemory.RssKiB:0.0} | |");
        Console.WriteLine($"| live managed objects per idle subscription (KiB; found by a full collection) | {s.Memory.ManagedKiB:0.0} | |");
        Console.WriteLine($"| ceiling: bare Kestrel's live managed objects per idle socket (KiB) | {s.CeilingMemory.ManagedKiB:0.0} | |");
        Console.WriteLine($"| publish to every subscriber, p50 (ms) | {s.FanOutP50:0.0} | |");
        Console.WriteLine($"| publish to every subscriber, p95 (ms) | {s.FanOutP95:0.0} | ≤ 500 |");
        Console.WriteLine($"| ceiling: bare Kestrel broadcasting the same bytes, p50 / p95 (ms) | {s.CeilingP50:0.0} / {s.CeilingP95:0.0} | |");
        Console.WriteLine($"| the fresh server's first publish to its one subscriber, not in the above (ms) | {s.FirstEventMs:0.0} | |");
    }

    /// <summary>Part 1: the publish mutation's time without and with three webhooks, then the delivery of 1,000 in a row.</summary>
    private static async Task<WebhookFigures> MeasureWebhooksAsync(string cmsDll, string workFolder, Dictionary<string, string> environment, int publishes)
    {
        await using var server = await CmsServer.StartAsync(cmsDll, workFolder, cacheEnabled: true, captureAdminKey: true, environment: environment);
        using var admin = AdminClient(server.AdminKey!);
        Console.WriteLine($"creating {3 * publishes} draft articles (not measured)");
        var drafts = new Queue<string>(await CreateDraftsAsync(admin, server.Url, 3 * publishes));

        // Warm-up publishes (not measured) under both conditions, so that neither measured run pays for the first calls: the
        // dispatcher's first rounds (their code, the connections to the receiver) cost a fresh server over 100 ms.
        await using var sink = await WebhookSink.StartAsync();
        await PublishAllAsync(admin, server.Url, await CreateDraftsAsync(admin, server.Url, 50));
        var warmUpHooks = await CreateWebhooksAsync(admin, server.Url, sink, "warm-up");
        await PublishAllAsync(admin, server.Url, await CreateDraftsAsync(admin, server.Url, 50));
        await WaitForDeliveriesAsync(sink, 3 * 50);
        await DeleteWebhooksAsync(admin, server.Url, warmUpHooks);

        // Publishes without and with three webhook subscriptions, in blocks alternating A B B A (so that neither condition
        // always comes first: a single run of each drifted by a third between runs, and the block after a pause is slower),
        // each after the same pause; a block's deliveries drain before its webhooks are deleted.
        var blockSize = Math.Max(publishes / 5, 1);
        var withoutTimes = new List<double>();
        var withTimes = new List<double>();
        for (var block = 0; block < 2 * (publishes / blockSize); block++)
        {
            await Task.Delay(500);
            if (block % 4 is 0 or 3)
            {
                withoutTimes.AddRange(await PublishTimesAsync(admin, server.Url, Take(drafts, blockSize)));
                continue;
            }

            var blockHooks = await CreateWebhooksAsync(admin, server.Url, sink, $"block{block}");
            var expected = sink.Count + 3 * blockSize;
            withTimes.AddRange(await PublishTimesAsync(admin, server.Url, Take(drafts, blockSize)));
            await WaitForDeliveriesAsync(sink, expected);
            await DeleteWebhooksAsync(admin, server.Url, blockHooks);
        }

        // Then 1,000 in a row with three webhooks: when did the last of their deliveries arrive?
        await CreateWebhooksAsync(admin, server.Url, sink, "continuous");
        var owed = sink.Count + 3 * publishes;
        var continuous = Percentiles(await PublishTimesAsync(admin, server.Url, Take(drafts, publishes)));
        var lastPublish = Stopwatch.GetTimestamp();
        var drained = await WaitForDeliveriesAsync(sink, owed) ? Stopwatch.GetElapsedTime(lastPublish, sink.LastArrival).TotalSeconds : double.NaN;
        return new WebhookFigures(Percentiles(withoutTimes), Percentiles(withTimes), continuous.P95, drained);
    }

    /// <summary>
    /// Part 2: many idle WebSocket subscriptions on a fresh server (so that the memory measured is theirs, not the garbage
    /// of other work), then publishes reaching all of them; and bare Kestrel doing the same.
    /// </summary>
    private static async Task<SubscriptionFigures> MeasureSubscriptionsAsync(string cmsDll, string workFolder, Dictionary<string, string> environment, int sockets)
    {
        await using var fresh = await CmsServer.StartAsync(cmsDll, workFolder, cacheEnabled: true, captureAdminKey: true, environment: environment);
        using var admin = AdminClient(fresh.AdminKey!);
        var extra = await CreateDraftsAsync(admin, fresh.Url, 11);
        var socketUrl = new Uri(fresh.Url.ToString().Replace("http://", "ws://", StringComparison.Ordinal));
        // One subscriber and one publish first (not measured), so that neither the memory nor the fan-out counts the first
        // calls of a fresh process; that first publish's fan-out is reported on its own.
        var warmUp = await SubscribeAsync(socketUrl);
        var warmUpArrival = ReceiveNextAsync(warmUp);
        var warmUpSent = Stopwatch.GetTimestamp();
        await GraphQLClient.DataAsync(admin, fresh.Url, $$"""mutation { publishArticle(input: { id: "{{extra[0]}}" }) { errors { __typename } } }""", null);
        var firstEventMs = Stopwatch.GetElapsedTime(warmUpSent, await warmUpArrival).TotalMilliseconds;
        warmUp.Abort();
        var subscribers = new List<ClientWebSocket>();
        var memory = await SocketMemory.MeasureAsync(fresh, sockets, async () =>
        {
            for (var i = 0; i < sockets; i++)
            {
                subscribers.Add(await SubscribeAsync(socketUrl));
            }
        });
        var fanOut = new List<double>();
        foreach (var id in extra.Skip(1))
        {
            var receiving = subscribers.Select(ReceiveNextAsync).ToList();
            var sent = Stopwatch.GetTimestamp();
            await GraphQLClient.DataAsync(admin, fresh.Url, $$"""mutation { publishArticle(input: { id: "{{id}}" }) { errors { __typename } } }""", null);
            foreach (var arrival in await Task.WhenAll(receiving))
            {
                fanOut.Add(Stopwatch.GetElapsedTime(sent, arrival).TotalMilliseconds);
            }
        }

        foreach (var socket in subscribers)
        {
            socket.Abort();
            socket.Dispose();
        }

        fanOut.Sort();
        var (ceilingP50, ceilingP95, ceilingMemory) = await WebSocketCeiling.MeasureAsync(sockets, 10);
        return new SubscriptionFigures(
            memory, ceilingMemory,
            fanOut[fanOut.Count / 2], fanOut[(int)(fanOut.Count * 0.95)], ceilingP50, ceilingP95, firstEventMs);
    }

    private static HttpClient AdminClient(string key)
    {
        var admin = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", key);
        return admin;
    }

    private static async Task<List<string>> CreateDraftsAsync(HttpClient admin, Uri url, int count)
    {
        var ids = new List<string>(count);
        for (var start = 0; start < count; start += 10)
        {
            var batch = Enumerable.Range(start, Math.Min(10, count - start)).ToList();
            var creates = string.Concat(batch.Select(i => $$"""a{{i}}: createArticle(input: { title: "Event {{i}} {{Guid.NewGuid():N}}", summary: "s", historicalDate: { start: { year: {{1000 + (i % 900)}} }, precision: YEAR }, sections: [{ heading: "What happened?", body: "b" }] }) { article { id } } """));
            var created = await GraphQLClient.DataAsync(admin, url, $"mutation {{ {creates} }}", null);
            ids.AddRange(batch.Select(i => created[$"a{i}"]!["article"]!["id"]!.GetValue<string>()));
        }

        return ids;
    }

    private static async Task PublishAllAsync(HttpClient admin, Uri url, List<string> ids) => await PublishTimesAsync(admin, url, ids);

    /// <summary>Publishes one after another; each publish mutation's time in milliseconds.</summary>
    private static async Task<List<double>> PublishTimesAsync(HttpClient admin, Uri url, List<string> ids)
    {
        var times = new List<double>(ids.Count);
        foreach (var id in ids)
        {
            var clock = Stopwatch.StartNew();
            await GraphQLClient.DataAsync(admin, url, $$"""mutation { publishArticle(input: { id: "{{id}}" }) { errors { __typename } } }""", null);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static (double P50, double P95, double P99, double Max) Percentiles(List<double> times)
    {
        var sorted = times.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[(int)(sorted.Count * 0.95)], sorted[(int)(sorted.Count * 0.99)], sorted[^1]);
    }

    private static List<string> Take(Queue<string> drafts, int count) => [.. Enumerable.Range(0, count).Select(_ => drafts.Dequeue())];

    /// <summary>Three webhooks on <c>article.published</c>, to routes named after <paramref name="prefix"/>; their ids.</summary>
    private static async Task<List<string>> CreateWebhooksAsync(HttpClient admin, Uri url, WebhookSink sink, string prefix)
    {
        var ids = new List<string>();
        foreach (var route in new[] { "one", "two", "three" })
        {
            var created = await GraphQLClient.DataAsync(admin, url, $$"""mutation { createWebhook(input: { url: "{{sink.UrlOf($"{prefix}-{route}")}}", events: [ARTICLE_PUBLISHED] }) { webhook { id } errors { __typename } } }""", null);
            ids.Add(created["createWebhook"]!["webhook"]!["id"]!.GetValue<string>());
        }

        return ids;
    }

    private static async Task DeleteWebhooksAsync(HttpClient admin, Uri url, List<string> ids)
    {
        foreach (var id in ids)
        {
            await GraphQLClient.DataAsync(admin, url, $$"""mutation { deleteWebhook(input: { id: "{{id}}" }) { errors { __typename } } }""", null);
        }
    }

    /// <summary>Waits (up to two minutes) until the sink has seen <paramref name="count"/> deliveries; false when it has not.</summary>
    private static async Task<bool> WaitForDeliveriesAsync(WebhookSink sink, int count)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (sink.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return sink.Count >= count;
    }

    internal static async Task<ClientWebSocket> SubscribeAsync(Uri url)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(url, CancellationToken.None);
        await SendAsync(socket, """{"type":"connection_init"}""");
        var ack = await ReceiveAsync(socket);
        if (!ack.Contains("connection_ack", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("No connection_ack: " + ack);
        }

        await SendAsync(socket, new JsonObject { ["type"] = "subscribe", ["id"] = "1", ["payload"] = new JsonObject { ["query"] = SubscriptionQuery } }.ToJsonString());
        return socket;
    }

    /// <summary>Waits for the socket's next <c>next</c> message (answering pings) and returns when it arrived.</summary>
    internal static async Task<long> ReceiveNextAsync(ClientWebSocket socket)
    {
        while (true)
        {
            var message = await ReceiveAsync(socket);
            if (message.Contains("\"next\"", StringComparison.Ordinal))
            {
                return Stopwatch.GetTimestamp();
            }

            if (message.Contains("\"ping\"", StringComparison.Ordinal))
            {
                await SendAsync(socket, """{"type":"pong"}""");
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"The server closed the socket: {socket.CloseStatus} {socket.CloseStatusDescription}");
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private readonly record struct WebhookFigures(
        (double P50, double P95, double P99, double Max) Without, (double P50, double P95, double P99, double Max) With, double ContinuousP95, double DrainedSeconds);

    private readonly record struct SubscriptionFigures(
        SocketMemory Memory, SocketMemory CeilingMemory,
        double FanOutP50, double FanOutP95, double CeilingP50, double CeilingP95, double FirstEventMs);
}
