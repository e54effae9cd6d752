using Cms.Testing;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// A real Azurite blob service (npm <c>azurite</c>, pinned in tests/js) on a free loopback port with its own folder, for
/// the tests of the Azure Blob media store. Started once per test collection, stopped and its folder removed afterwards.
/// </summary>
public sealed class Azurite : IAsyncLifetime
{
    // Azurite's documented development account: public, and accepted only by the emulator.
    private const string DevelopmentAccount = "devstoreaccount1";
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cms-azurite-{Guid.NewGuid():N}");
    private NodeServer? _server;
    private int _port;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await Node.EnsureInstalledAsync();
        Directory.CreateDirectory(_folder);
        _port = LoopbackPorts.Free();
        await StartAsync();
    }

    /// <summary>Stops the emulator (an outage); <see cref="StartAsync"/> brings it back on the same port with the same data.</summary>
    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    public async Task StartAsync()
    {
        var port = _port;
        _server = await NodeServer.StartAsync(Node.ScriptsFolder, port,
            ["node_modules/azurite/dist/src/blob/main.js", "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", _folder, "--silent", "--skipApiVersionCheck"]);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccount};AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{port}/{DevelopmentAccount};";
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
