using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Model.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// The real application over HTTP, on its own temporary SQLite file, migrated and seeded exactly as the
/// embedded default does on first run. Extra settings go in as configuration, like an operator's would.
/// </summary>
public class CmsApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];
    private string _environment = "Development";

    public CmsApiFactory()
        : this(NewDatabasePath())
    {
    }

    private CmsApiFactory(string databasePath)
    {
        DatabasePath = databasePath;
        _settings["Database:ConnectionString"] = $"Data Source={databasePath}";
        _settings["Media:Store:Folder"] = MediaFolder;

        // Tests make the keys they need; the first-run admin key has a test of its own.
        _settings["Auth:BootstrapAdminKey"] = "false";

        // Tests in Production run on SQLite and a folder, which a real deployment refuses (DeploymentSafetyTests check that);
        // and the console exporter of Development stays quiet unless a test asks for it.
        _settings["Deployment:AllowUnsafeConfiguration"] = "true";
        _settings["Telemetry:Console"] = "false";
    }

    public string DatabasePath { get; }

    /// <summary>The folder media store's folder: this factory's own, beside its database.</summary>
    public string MediaFolder => DatabasePath + ".media";

    /// <summary>
    /// A fresh database file name for a test that starts several factories on one file. (Taking it from a factory that is
    /// never disposed would let that factory's finalizer delete the file under a running server.)
    /// </summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"cms-api-tests-{Guid.NewGuid():N}.db");

    /// <summary>A factory on a given database file, such as one a previous run left behind.</summary>
    public static CmsApiFactory OnDatabase(string databasePath) => new(databasePath);

    /// <summary>Set to false to hand the database file to another factory, as a restarted server would find it.</summary>
    public bool DeleteDatabaseOnDispose { get; set; } = true;

    public CmsApiFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public CmsApiFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public CmsApiFactory WithEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    /// <summary>Adds the test-only fields (slow, failing, upload probe) to the schema.</summary>
    public CmsApiFactory WithTestFields() => WithServices(TestFields.Register);

    /// <summary>Serves on a real loopback port (for clients outside the process, such as Node) and returns the GraphQL URL.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), "/graphql");
    }

    /// <summary>
    /// Waits until this server has <paramref name="count"/> subscriptions open (the transport's gauge), so that a test
    /// changes nothing before its subscriber listens; a client's "connected" comes before its subscribe is executed.
    /// </summary>
    public async Task WaitForSubscriptionsAsync(int count = 1)
    {
        var open = Services.GetRequiredService<Cms.Api.Transport.OpenSubscriptions>();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (open.Count < count)
        {
            Assert.True(DateTime.UtcNow < until, $"{open.Count} of {count} subscriptions opened within 20 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>Creates an API key with the service the command line and GraphQL use, and returns its secret.</summary>
    public async Task<string> CreateApiKeyAsync(Role role, string? name = null, DateTime? expiresAt = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(name ?? $"test-{role.ToName()}-{Guid.NewGuid():N}", role, expiresAt, "tests");
        return created.Value?.Secret ?? throw new InvalidOperationException(string.Join("; ", created.Errors));
    }

    /// <summary>Revokes the key whose secret this is (its public id is the part after <c>cmsk_</c>).</summary>
    public async Task RevokeApiKeyAsync(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        await using var scope = Services.CreateAsyncScope();
        var revoked = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(secret.Split('_')[1]);
        if (revoked.Value is null)
        {
            throw new InvalidOperationException(string.Join("; ", revoked.Errors));
        }
    }

    /// <summary>POSTs a GraphQL request as JSON and returns the status and the parsed body.</summary>
    public async Task<(int Status, JsonNode Body)> PostGraphQLAsync(string query, object? variables = null)
    {
        using var client = CreateClient();
        var payload = JsonSerializer.Serialize(new { query, variables });
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graphql", content);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    /// <summary>POSTs raw bytes with a given content type, for requests a well-behaved client would never send.</summary>
    public async Task<(int Status, string? ContentType, JsonNode? Body)> PostRawAsync(byte[] body, string? contentType)
    {
        using var client = CreateClient();
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.PostAsync("/graphql", content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text.Length == 0 ? null : JsonNode.Parse(text));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        // WebApplicationFactory has a finalizer; a finalizer run (disposing false) must leave files and pools alone, since
        // another factory may be serving the same file by then.
        if (!disposing)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        if (!DeleteDatabaseOnDispose)
        {
            return;
        }

        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(MediaFolder))
        {
            Directory.Delete(MediaFolder, recursive: true);
        }
    }

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty response body.");
}
