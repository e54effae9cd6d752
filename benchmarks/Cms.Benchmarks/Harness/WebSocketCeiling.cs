using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Cms.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cms.Benchmarks.Harness;

/// <summary>
/// The fan-out ceiling: bare Kestrel in its own process (this program's <c>ws-ceiling-server</c> command) that acknowledges
/// graphql-transport-ws connections and, on <c>POST /broadcast</c>, sends one fixed <c>next</c> message to every socket.
/// </summary>
internal sealed class WebSocketCeiling : ServerProcess
{
    private const string Next = """{"type":"next","id":"1","payload":{"data":{"articleChanged":{"type":"PUBLISHED","slug":"event-00001","version":1}}}}""";

    /// <summary>The broadcast's p50 and p95, and the ceiling's memory per idle socket measured as the CMS's is.</summary>
    public static async Task<(double P50, double P95, SocketMemory Memory)> MeasureAsync(int sockets, int rounds)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet", [typeof(WebSocketCeiling).Assembly.Location, "ws-ceiling-server", port.ToString(CultureInfo.InvariantCulture)]);
        // The CMS runs the server garbage collector (the web SDK's default); the ceiling's memory is measured under the same.
        start.Environment["DOTNET_gcServer"] = "1";
        await using var server = new WebSocketCeiling();
        var url = new Uri($"http://127.0.0.1:{port}/");
        await server.StartAsync(start, url, async client => (await client.GetAsync(new Uri(url, "/ready"))).IsSuccessStatusCode);
        var socketUrl = new Uri($"ws://127.0.0.1:{port}/graphql");
        (await EventsBenchmark.SubscribeAsync(socketUrl)).Abort();
        var clients = new List<ClientWebSocket>();
        var memory = await SocketMemory.MeasureAsync(server, sockets, async () =>
        {
            for (var i = 0; i < sockets; i++)
            {
                clients.Add(await EventsBenchmark.SubscribeAsync(socketUrl));
            }
        });

        using var http = new HttpClient();
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var receiving = clients.Select(EventsBenchmark.ReceiveNextAsync).ToList();
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync(new Uri(url, "/broadcast"), null);
            foreach (var arrival in await Task.WhenAll(receiving))
            {
                times.Add(Stopwatch.GetElapsedTime(sent, arrival).TotalMilliseconds);
            }
        }

        foreach (var client in clients)
        {
            client.Abort();
            client.Dispose();
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.95)], memory);
    }

    /// <summary>Serves the ceiling until stopped (the <c>ws-ceiling-server</c> command).</summary>
    public static async Task ServeAsync(int port)
    {
        var sockets = new ConcurrentDictionary<WebSocket, byte>();
        var next = Encoding.UTF8.GetBytes(Next);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ready", () => "ready");
        app.Map("/graphql", async (HttpContext http) =>
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync("graphql-transport-ws");
            // The CMS's receive buffer size: the memory per socket compares like with like.
            var buffer = new byte[1024];
            await socket.ReceiveAsync(buffer, http.RequestAborted);
            await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"connection_ack"}"""), WebSocketMessageType.Text, true, http.RequestAborted);
            await socket.ReceiveAsync(buffer, http.RequestAborted);
            sockets.TryAdd(socket, 0);
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var received = await socket.ReceiveAsync(buffer, http.RequestAborted);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }
                }
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The client went away.
            }
            finally
            {
                sockets.TryRemove(socket, out _);
            }
        });
        app.MapPost("/broadcast", async () =>
        {
            await Task.WhenAll(sockets.Keys.Select(async socket =>
            {
                try
                {
                    await socket.SendAsync(next, WebSocketMessageType.Text, true, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    // Gone meanwhile.
                }
            }));
            return Results.NoContent();
        });
        await app.RunAsync();
    }
}
