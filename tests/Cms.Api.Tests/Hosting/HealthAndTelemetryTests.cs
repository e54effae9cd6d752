using System.Net;
using Cms.Api.Hosting;
using Cms.Api.HttpSecurity;
using Cms.Api.Media;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Persistence;
using Microsoft.Data.Sqlite;

namespace Cms.Api.Tests.Hosting;

/// <summary>Health endpoints, telemetry on the console, and the Production start-up checks.</summary>
[Collection(Media.AzuriteTests.Name)]
public sealed class HealthAndTelemetryTests(Azurite azurite)
{
    [Fact]
    public async Task Live_and_ready_answer_without_credentials_and_without_detail()
    {
        using var api = new CmsApiFactory().WithSetting("Database:SeedDemoContent", "false");
        using var client = api.CreateClient();

        using var live = await client.GetAsync(Health.LivePath);
        using var ready = await client.GetAsync(Health.ReadyPath);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.StatusCode, await live.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
        Assert.Equal("no-store", ready.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Ready_fails_while_the_media_store_is_down_and_says_nothing_of_why()
    {
        var own = new Azurite();
        await own.InitializeAsync();
        try
        {
            using var api = new CmsApiFactory().WithSetting("Database:SeedDemoContent", "false")
                .WithSetting("Media:Store:Kind", "AzureBlob").WithSetting("Media:Store:BlobConnectionString", own.ConnectionString);
            using var client = api.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Health.ReadyPath)).StatusCode);

            await own.StopAsync();
            using var down = await client.GetAsync(Health.ReadyPath);
            using var live = await client.GetAsync(Health.LivePath);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ready_fails_when_the_database_lacks_a_migration_this_build_needs()
    {
        using var api = new CmsApiFactory().WithSetting("Database:SeedDemoContent", "false");
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Health.ReadyPath)).StatusCode);

        // As if the database were restored from a backup older than the build.
        await using (var connection = new SqliteConnection($"Data Source={api.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM __EFMigrationsHistory WHERE MigrationId LIKE '%_MediaAssets'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(Health.ReadyPath)).StatusCode);
    }

    [Fact]
    public async Task With_the_console_exporter_a_graphql_operation_is_traced_with_its_name_type_and_cost()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(output));
        try
        {
            var api = new CmsApiFactory().WithSetting("Telemetry:Console", "true").WithSetting("Database:SeedDemoContent", "false");
            await api.PostGraphQLAsync("query TracedQuery { articles(first: 3) { nodes { slug } } }");

            // Disposing the app flushes the exporters.
            await api.DisposeAsync();
        }
        finally
        {
            Console.SetOut(original);
        }

        var text = output.ToString();
        Assert.Contains("graphql.request", text, StringComparison.Ordinal);
        Assert.Contains("graphql.operation.name: TracedQuery", text, StringComparison.Ordinal);
        Assert.Contains("graphql.operation.type: query", text, StringComparison.Ordinal);
        Assert.Contains("graphql.operation.cost:", text, StringComparison.Ordinal);
        Assert.Contains("EntityFrameworkCore", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_Application_Insights_connection_string_the_app_starts_and_answers()
    {
        // An ingestion address that refuses connections: what matters here is that the Azure Monitor exporters and this
        // app's own instrumentation start together; export failures are the exporter's to retry.
        using var api = new CmsApiFactory().WithSetting("Database:SeedDemoContent", "false")
            .WithSetting(Telemetry.AzureMonitorVariable, "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/");

        var (status, body) = await api.PostGraphQLAsync("{ articles(first: 1) { totalCount } }");

        Assert.Equal(200, status);
        Assert.Equal(0, body["data"]!["articles"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync(Health.ReadyPath)).StatusCode);
    }

    [Fact]
    public void Production_refuses_what_would_lose_data_or_leak_secrets_naming_each_setting()
    {
        var problems = DeploymentSafety.Problems(
            new DeploymentOptions { InstanceCount = 3 },
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite },
            new MediaStoreOptions { Kind = MediaStoreKind.Folder, Folder = "/data/media" },
            new AuthOptions { BootstrapAdminKey = true, Jwt = new JwtOptions { Authority = "https://login.example.org/tenant" } });

        Assert.Collection(
            problems,
            p => Assert.Contains("Database:Provider is Sqlite", p, StringComparison.Ordinal),
            p => Assert.Contains("Media:Store:Kind is Folder", p, StringComparison.Ordinal),
            p => Assert.Contains("Auth:Jwt:Audience", p, StringComparison.Ordinal),
            p => Assert.Contains("Auth:BootstrapAdminKey", p, StringComparison.Ordinal));
        Assert.Empty(DeploymentSafety.Problems(
            new DeploymentOptions { InstanceCount = 3 },
            new DatabaseOptions { Provider = DatabaseProvider.SqlServer },
            new MediaStoreOptions { Kind = MediaStoreKind.AzureBlob, BlobAccountUri = new Uri("https://cms.blob.core.windows.net") },
            new AuthOptions()));
        Assert.Contains(
            DeploymentSafety.Problems(new DeploymentOptions(), new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, new MediaStoreOptions { Kind = MediaStoreKind.AzureBlob, BlobConnectionString = azurite.ConnectionString }, new AuthOptions()),
            p => p.Contains("Media:Store:BlobConnectionString holds an account key", StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_does_not_start_in_Production_on_SQLite_unless_told_to()
    {
        using var refused = new CmsApiFactory().WithEnvironment("Production").WithSetting("Deployment:AllowUnsafeConfiguration", "false");

        var error = Assert.Throws<InvalidOperationException>(() => refused.CreateClient());

        Assert.Contains("Database:Provider is Sqlite", error.Message, StringComparison.Ordinal);
        Assert.Contains("Deployment:AllowUnsafeConfiguration", error.Message, StringComparison.Ordinal);
    }
}
