using Cms.Testing;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// The sample reader site (samples/web) as a visitor gets it: built once per test run the way its README builds it
/// (<c>npm ci</c>, then <c>npm run build</c>: graphql-codegen against schema.graphql, the type check, Vite), then served
/// by <c>vite preview</c> on a free loopback port, forwarding /graphql and /media to a test's CMS.
/// </summary>
public sealed class SampleSite : IAsyncDisposable
{
    private static readonly Lazy<Task> Build = new(BuildAsync);
    private readonly NodeServer _server;

    private SampleSite(NodeServer server, Uri address)
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

    /// <summary>
    /// Serves the built site in front of the CMS whose GraphQL endpoint is given, on <paramref name="port"/> when the CMS
    /// must know the site's address before it starts (the studio's preview URL), else on a free one.
    /// </summary>
    public static async Task<SampleSite> StartAsync(Uri cmsEndpoint, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(cmsEndpoint);
        await Build.Value;
        port ??= LoopbackPorts.Free();
        var server = await NodeServer.StartAsync(Folder, port.Value,
            [Path.Combine("node_modules", "vite", "bin", "vite.js"), "preview", "--host", "127.0.0.1", "--port", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--strictPort"],
            new Dictionary<string, string> { ["CMS_URL"] = cmsEndpoint.GetLeftPart(UriPartial.Authority) });
        return new SampleSite(server, new Uri($"http://127.0.0.1:{port}/"));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task BuildAsync()
    {
        await Node.NpmCiAsync(Folder);
        var (exitCode, output, error) = await Node.RunAsync(Folder, "npm", ["run", "build"], TimeSpan.FromMinutes(5));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"npm run build in {Folder} failed ({exitCode}):\n{output}\n{error}");
        }
    }
}
