using System.Globalization;
using System.Text.Json;
using Cms.Api.ApiKeys;
using Cms.Api.Articles;
using Cms.Api.Hosting;
using Cms.Api.HttpSecurity;
using Cms.Api.SchemaCore;
using Cms.Api.Transport;
using Cms.Benchmarks.Harness;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Benchmarks;

/// <summary>
/// The transport against the executer called directly, both inside the same Release server on Kestrel and both
/// driven by wrk over loopback, alternating rounds so the two share the machine's conditions. The baseline endpoint is
/// the smallest correct use of GraphQL.NET: deserialize the body, call the executer, write the result.
/// </summary>
public static class HttpOverheadBenchmark
{
    private const string Query = "query Article { article(slug: \"battle-of-marathon\") { title summary historicalDate { display } } }";
    private const int Rounds = 3;

    public static async Task RunAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cms-bench-http-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:ConnectionString"] = $"Data Source={path}";
        builder.Configuration["RateLimits:AnonymousQueriesPerMinute"] = "0";
        builder.Configuration["Auth:BootstrapAdminKey"] = "false";
        builder.Configuration["Scheduling:Enabled"] = "false";
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCmsPersistence();
        builder.Services.AddGraphQLHttpTransport();
        builder.AddHttpSecurity();
        builder.AddCmsSchema();
        builder.Services.AddArticles().AddApiKeys();
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        app.UseHttpSecurity();
        app.MapGraphQLHttp();
        app.MapPost("/graphql-direct", ExecuteDirectlyAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var load = RequestLoad.Post(JsonSerializer.Serialize(new { query = Query }));
        try
        {
            await Wrk.MedianAndRateAsync(address + "/graphql-direct", load, 5);
            await Wrk.MedianAndRateAsync(address + "/graphql", load, 5);
            var (direct, transport) = (new List<(double Median, double Rps)>(), new List<(double Median, double Rps)>());
            for (var round = 0; round < Rounds; round++)
            {
                direct.Add(await Wrk.MedianAndRateAsync(address + "/graphql-direct", load, 10));
                transport.Add(await Wrk.MedianAndRateAsync(address + "/graphql", load, 10));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1}: direct median {direct[^1].Median:0.000} ms ({direct[^1].Rps:0} req/s), transport median {transport[^1].Median:0.000} ms ({transport[^1].Rps:0} req/s), ratio {transport[^1].Median / direct[^1].Median:0.000}"));
            }

            var medianDirect = direct.Select(d => d.Median).Order().ElementAt(Rounds / 2);
            var medianTransport = transport.Select(t => t.Median).Order().ElementAt(Rounds / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median of rounds: direct {medianDirect:0.000} ms, transport {medianTransport:0.000} ms, ratio {medianTransport / medianDirect:0.000}; throughput ratio {transport.Average(t => t.Rps) / direct.Average(d => d.Rps):0.000}"));
        }
        finally
        {
            await app.StopAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static async Task ExecuteDirectlyAsync(HttpContext http)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLSerializer>();
        var request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        var result = await http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = request!.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
        });
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
