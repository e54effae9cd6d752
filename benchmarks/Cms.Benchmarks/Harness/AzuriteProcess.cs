using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cms.Testing;

namespace Cms.Benchmarks.Harness;

/// <summary>Azurite from the tests' pinned npm package (installed from its lock file when missing), on a free loopback port.</summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private Process _process = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public static async Task<AzuriteProcess> StartAsync(string root, string folder)
    {
        var scripts = Path.Combine(root, "tests", "js");
        if (!File.Exists(Path.Combine(scripts, "node_modules", "azurite", "dist", "src", "blob", "main.js")))
        {
            using var install = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = scripts }) ?? throw new InvalidOperationException("npm is missing.");
            await install.WaitForExitAsync();
        }

        Directory.CreateDirectory(folder);
        var port = LoopbackPorts.Free();
        var azurite = new AzuriteProcess();
        var start = new ProcessStartInfo("node", ["node_modules/azurite/dist/src/blob/main.js", "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--location", folder, "--silent", "--skipApiVersionCheck"])
        {
            WorkingDirectory = scripts,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        azurite._process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        azurite._process.BeginOutputReadLine();
        azurite._process.BeginErrorReadLine();
        azurite.ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                return azurite;
            }
            catch (SocketException) when (attempt < 300)
            {
                await Task.Delay(100);
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
