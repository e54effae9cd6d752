using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cms.Testing;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// The Node receiver of tests/js/webhook-receiver.mjs on a loopback port: each route checks every delivery's signature
/// with the <c>standardwebhooks</c> package and answers as scripted.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly NodeServer _server;
    private readonly HttpClient _client;

    private WebhookReceiver(NodeServer server, int port)
    {
        _server = server;
        Port = port;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public int Port { get; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        await Node.EnsureInstalledAsync();
        var port = LoopbackPorts.Free();
        var server = await NodeServer.StartAsync(Node.ScriptsFolder, port, ["webhook-receiver.mjs", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return new WebhookReceiver(server, port);
    }

    public string UrlOf(string route) => $"http://127.0.0.1:{Port}/{route}";

    /// <summary>Scripts a route: the secrets to verify with, the answers to give in turn, and the answer after those.</summary>
    public async Task ConfigureAsync(string route, IEnumerable<string> secrets, IEnumerable<object>? plan = null, object? fallback = null)
    {
        using var response = await _client.PutAsJsonAsync($"_routes/{route}", new { secrets, plan = plan ?? [], fallback = fallback ?? new { status = 200 } });
        response.EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyList<JsonNode>> ReceivedAsync(string route)
    {
        var body = await _client.GetFromJsonAsync<JsonObject>($"_routes/{route}");
        return [.. body!["received"]!.AsArray().Select(r => r!)];
    }

    /// <summary>Waits until the route has received at least <paramref name="count"/> deliveries; returns them all.</summary>
    public Task<IReadOnlyList<JsonNode>> WaitForAsync(string route, int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(route, received => received.Count >= count, timeout, $"{count} deliveries");

    /// <summary>Waits until what the route received satisfies <paramref name="done"/>; returns it.</summary>
    public async Task<IReadOnlyList<JsonNode>> WaitUntilAsync(string route, Func<IReadOnlyList<JsonNode>, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var received = await ReceivedAsync(route);
            if (done(received))
            {
                return received;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The route {route} did not receive {what ?? "what was awaited"}; it has {received.Count}: {string.Join(", ", received.Select(r => r["type"]))}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }
}
