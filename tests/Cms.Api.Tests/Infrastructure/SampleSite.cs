using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// The sample reader site (samples/web) as a visitor gets it: built once per test run the way its README builds it
/// (<c>npm ci</c>, then <c>npm run build</c>: graphql-codegen against schema.graphql, the type check, Vite), then served
/// by <c>vite preview</c> on a free loopback port, forwarding /graphql and /media to a test's CMS.
/// </summary>
public sealed class SampleSite : IAsyncDisposable
{
    private static readonly Lazy<Task> Build = new(BuildAsync);
    private readonly Process _server;

    private SampleSite(Process server, Uri address)
    {
        _server = server;
        Address = address;
    }

    public static string Folder { get; } = Path.Combine(Node.RepositoryRoot(), "samples", "web");

    /// <summary>
    /// The documents the built site sends (hash to text), as graphql-codegen wrote them: usable as the CMS's
    /// trusted-documents manifest once <see cref="EnsureBuiltAsync"/> has run.
    /// </summary>
    public static string PersistedDocumentsPath { get; } = Path.Combine(Folder, "src", "generated", "persisted-documents.json");

    /// <summary>The site's root, such as http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    /// <summary>Builds the site once per test run.</summary>
    public static Task EnsureBuiltAsync() => Build.Value;

    /// <summary>Serves the built site in front of the CMS whose GraphQL endpoint is given.</summary>
    public static async Task<SampleSite> StartAsync(Uri cmsEndpoint)
    {
        ArgumentNullException.ThrowIfNull(cmsEndpoint);
        await Build.Value;
        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["CMS_URL"] = cmsEndpoint.GetLeftPart(UriPartial.Authority) },
        };
        foreach (var argument in (string[])[Path.Combine("node_modules", "vite", "bin", "vite.js"), "preview", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--strictPort"])
        {
            start.ArgumentList.Add(argument);
        }

        var server = Process.Start(start) ?? throw new InvalidOperationException("Could not start vite preview.");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var site = new SampleSite(server, new Uri($"http://127.0.0.1:{port}/"));
        await site.WaitUntilServingAsync();
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
    }

    private static async Task BuildAsync()
    {
        await Node.NpmCiAsync(Folder);
        var (exitCode, output, error) = await Node.RunAsync(Folder, "npm", ["run", "build"], TimeSpan.FromMinutes(5));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"npm run build in {Folder} failed ({exitCode}):\n{output}\n{error}");
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(Address);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
            }

            if (DateTime.UtcNow >= deadline || _server.HasExited)
            {
                throw new InvalidOperationException($"vite preview did not serve {Address} within 30 seconds.");
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
