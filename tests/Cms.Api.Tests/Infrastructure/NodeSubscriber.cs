using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// tests/js/subscribe.mjs: subscriptions through the real graphql-ws (WebSocket) or graphql-sse (Server-Sent Events)
/// client, each happening read back as one JSON line.
/// </summary>
public sealed class NodeSubscriber : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<JsonNode> _lines = [];
    private readonly List<string> _errors = [];
    private int _disposed;

    private NodeSubscriber(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (_lines)
                {
                    _lines.Add(JsonNode.Parse(line)!);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts <paramref name="count"/> subscriptions of <paramref name="query"/> on one client.</summary>
    public static async Task<NodeSubscriber> StartAsync(string mode, Uri graphQLUrl, object? credentials, string query, int count = 1)
    {
        await Node.EnsureInstalledAsync();
        var start = Node.StartInfo(Node.ScriptsFolder, "node", ["subscribe.mjs", mode, graphQLUrl.ToString(), JsonSerializer.Serialize(credentials ?? new { }), query, count.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return new NodeSubscriber(Process.Start(start) ?? throw new InvalidOperationException("Could not start node subscribe.mjs."));
    }

    public IReadOnlyList<JsonNode> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IReadOnlyList<JsonNode> Events => [.. Lines.Where(l => l["kind"]!.GetValue<string>() == "next")];

    /// <summary>Waits until the lines so far satisfy <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<JsonNode>> WaitForAsync(Func<IReadOnlyList<JsonNode>, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var lines = Lines;
            if (done(lines))
            {
                return lines;
            }

            if (DateTime.UtcNow > until)
            {
                string errors;
                lock (_errors)
                {
                    errors = string.Join('\n', _errors);
                }

                throw new TimeoutException($"The subscriber did not get what was awaited. Lines: {string.Join('\n', lines.Select(l => l.ToJsonString()))}\nstderr: {errors}");
            }

            await Task.Delay(25);
        }
    }

    public Task<IReadOnlyList<JsonNode>> WaitForKindAsync(string kind, TimeSpan? timeout = null) =>
        WaitForAsync(lines => lines.Any(l => l["kind"]!.GetValue<string>() == kind), timeout);

    /// <summary>Ends the client (its sockets close as when a browser tab goes away); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
