using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// A Node program that serves on a loopback port (Azurite, <c>vite preview</c>): started, waited for until the port
/// accepts connections, and stopped with its child processes.
/// </summary>
public sealed class NodeServer : IAsyncDisposable
{
    private readonly Process _process;

    private NodeServer(Process process) => _process = process;

    /// <summary>Runs <c>node</c> with the arguments in a folder and returns once <paramref name="port"/> accepts connections.</summary>
    public static async Task<NodeServer> StartAsync(string folder, int port, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = Node.StartInfo(folder, "node", arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start node {string.Join(' ', start.ArgumentList)}.");
        // Drained so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new NodeServer(process);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"node {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode} before serving on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"node {string.Join(' ', start.ArgumentList)} did not serve on port {port} within 30 seconds.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
