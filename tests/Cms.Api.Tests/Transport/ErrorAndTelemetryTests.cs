using System.Diagnostics;
using Cms.Api.Tests.Infrastructure;
using Cms.Api.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Api.Tests.Transport;

/// <summary>Unexpected failures, and what operators see of every operation: one log entry and one activity.</summary>
public sealed class ErrorAndTelemetryTests
{
    [Fact]
    public async Task An_unexpected_exception_is_logged_with_a_correlation_id_that_the_client_gets_without_internals()
    {
        var logs = new CapturingLoggerProvider();
        using var api = new CmsApiFactory().WithTestFields().WithEnvironment("Production").WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query = "query Failing { boom }" });

        Assert.Equal(200, response.Status);
        var error = response.Body!["errors"]![0]!;
        Assert.Equal("INTERNAL_SERVER_ERROR", error["extensions"]!["code"]!.GetValue<string>());
        var correlationId = error["extensions"]!["correlationId"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(correlationId));
        Assert.DoesNotContain("hunter2", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", response.Text, StringComparison.Ordinal);
        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(correlationId, logged.Values["CorrelationId"]);
        Assert.Equal(TestFields.FailureMessage, logged.Exception!.Message);
    }

    [Fact]
    public async Task In_development_the_error_carries_the_exception_details()
    {
        using var api = new CmsApiFactory().WithTestFields();
        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query = "{ boom }" });

        Assert.Equal(["INTERNAL_SERVER_ERROR"], response.ErrorCodes);
        Assert.Contains("hunter2", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_operation_writes_one_structured_log_entry()
    {
        var logs = new CapturingLoggerProvider();
        using var api = new CmsApiFactory().WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = api.CreateClient();

        await GraphQLHttp.PostAsync(client, new { query = "query ListArticles { articles(first: 2) { totalCount } }" });
        await GraphQLHttp.PostAsync(client, new { query = "query Broken { nope }" }, GraphQLHttp.GraphQLResponseJson);

        var entries = logs.Entries.Where(e => e.Category == typeof(GraphQLHttpHandler).FullName).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("ListArticles", "query", 200, ""), Describe(entries[0]));
        Assert.Equal(("Broken", "query", 400, "GRAPHQL_VALIDATION_FAILED"), Describe(entries[1]));
        Assert.All(entries, e => Assert.IsType<double>(e.Values["ElapsedMs"]));
    }

    [Fact]
    public async Task Every_request_has_an_activity_tagged_with_the_operation()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphQLTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var api = new CmsApiFactory();
        using var client = api.CreateClient();
        var name = $"Traced{Guid.NewGuid():N}";

        await GraphQLHttp.PostAsync(client, new { query = $"query {name} {{ articles(first: 1) {{ totalCount }} }}" });

        Activity traced;
        lock (activities)
        {
            traced = Assert.Single(activities, a => (string?)a.GetTagItem("graphql.operation.name") == name);
        }

        Assert.Equal(GraphQLTelemetry.RequestActivityName, traced.OperationName);
        Assert.Equal("query", traced.GetTagItem("graphql.operation.type"));
        Assert.Equal(200, traced.GetTagItem("http.response.status_code"));
    }

    private static (object?, object?, object?, object?) Describe(CapturingLoggerProvider.LogEntry entry) =>
        (entry.Values["OperationName"], entry.Values["OperationType"], entry.Values["Status"], entry.Values["ErrorCodes"]);
}
