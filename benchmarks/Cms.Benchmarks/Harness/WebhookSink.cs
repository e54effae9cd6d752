using System.Collections.Concurrent;
using System.Diagnostics;
using Cms.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cms.Benchmarks.Harness;

/// <summary>A receiver on loopback that answers 204 at once and notes when each (route, webhook-id) first arrived.</summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _arrivals = new(StringComparer.Ordinal);

    private WebhookSink(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public int Count => _arrivals.Count;

    /// <summary>The latest first arrival, as a <see cref="Stopwatch"/> timestamp.</summary>
    public long LastArrival => _arrivals.Values.DefaultIfEmpty(0).Max();

    public static async Task<WebhookSink> StartAsync()
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new WebhookSink(app, port);
        app.MapPost("/{route}", async (HttpContext http, string route) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            sink._arrivals.TryAdd($"{route}/{http.Request.Headers["webhook-id"]}", Stopwatch.GetTimestamp());
            http.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        await app.StartAsync();
        return sink;
    }

    public string UrlOf(string route) => $"http://127.0.0.1:{Port}/{route}";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
