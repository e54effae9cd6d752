using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Cms.Api.ApiKeys;
using Cms.Api.Articles;
using Cms.Api.Hosting;
using Cms.Api.HttpSecurity;
using Cms.Api.SchemaCore;
using Cms.Api.Transport;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Benchmarks;

/// <summary>
/// What the HTTP transport costs on top of GraphQL.NET: the same small operation, through the executer
/// directly (baseline: execute and serialize) and through <see cref="GraphQLHttpHandler"/> (read and check
/// the request, negotiate, run the access gate, execute with the authorization rule, choose the status, serialize, log). Both use the same configured
/// executer, on the same demo database, in the same run.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 3, warmupCount: 5, iterationCount: 20)]
[MemoryDiagnoser]
[MedianColumn]
public class TransportOverheadBenchmarks
{
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["article-by-slug"] = "query Article { article(slug: \"battle-of-marathon\") { title summary historicalDate { display } } }",
        ["typename"] = "{ __typename }",
    };

    private WebApplication _app = null!;
    private IDocumentExecuter<ISchema> _executer = null!;
    private IGraphQLSerializer _serializer = null!;
    private GraphQLHttpHandler _handler = null!;
    private byte[] _body = [];
    private string _databasePath = string.Empty;

    [Params("article-by-slug", "typename")]
    public string Operation { get; set; } = "article-by-slug";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _databasePath = Path.Combine(Path.GetTempPath(), $"cms-bench-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:ConnectionString"] = $"Data Source={_databasePath}";
        builder.Configuration["Database:SeedDemoContent"] = "true";

        // Log calls stay in the measured path; writing them to a console would measure the console.
        builder.Logging.ClearProviders();
        builder.Configuration["RateLimits:AnonymousQueriesPerMinute"] = "0";
        builder.AddCmsPersistence();
        builder.Services.AddGraphQLHttpTransport();
        builder.AddHttpSecurity();
        builder.AddCmsSchema();
        builder.Services.AddArticles().AddApiKeys();
        _app = builder.Build();
        await _app.PrepareDatabaseAsync();
        _executer = _app.Services.GetRequiredService<IDocumentExecuter<ISchema>>();
        _serializer = _app.Services.GetRequiredService<IGraphQLSerializer>();
        _handler = _app.Services.GetRequiredService<GraphQLHttpHandler>();
        _body = JsonSerializer.SerializeToUtf8Bytes(new { query = Queries[Operation] });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    [Benchmark(Baseline = true)]
    public async Task ExecuterDirectly()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await _executer.ExecuteAsync(new ExecutionOptions { Query = Queries[Operation], RequestServices = scope.ServiceProvider });
        await _serializer.WriteAsync(Stream.Null, result);
    }

    /// <summary>The baseline plus the execution timeout the transport applies, to show what that feature costs by itself.</summary>
    [Benchmark]
    public async Task ExecuterDirectlyWithTimeout()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await _executer.ExecuteAsync(new ExecutionOptions { Query = Queries[Operation], RequestServices = scope.ServiceProvider, Timeout = TimeSpan.FromSeconds(10), TimeoutAction = GraphQL.Execution.TimeoutAction.ReturnTimeoutError });
        await _serializer.WriteAsync(Stream.Null, result);
    }

    [Benchmark]
    public async Task ThroughTransport()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = HttpMethods.Post;
        http.Request.ContentType = "application/json";
        http.Request.Headers.Accept = "application/graphql-response+json";
        http.Request.Body = new MemoryStream(_body, writable: false);
        http.Request.ContentLength = _body.Length;
        http.Response.Body = Stream.Null;
        await _handler.HandleAsync(http);
        if (http.Response.StatusCode != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"The transport answered {http.Response.StatusCode}.");
        }
    }
}
