using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cms.Api.Transport;

/// <summary>
/// The activity source and meter of GraphQL requests; OpenTelemetry picks them up by name. Each request's activity carries
/// the operation's name and type, the error codes and (set by the schema's cost rule) its cost; the meter counts operations
/// and their durations by type and outcome.
/// </summary>
public static class GraphQLTelemetry
{
    public const string SourceName = "Cms.Api.GraphQL";
    public const string MeterName = "Cms.Api.GraphQL";
    public const string RequestActivityName = "graphql.request";
    public const string CostTag = "graphql.operation.cost";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("graphql.operation.duration", "ms", "Time from reading a GraphQL request to writing its answer.");

    /// <summary>Records one answered request: its duration, tagged with the operation type and its first error code, if any.</summary>
    public static void Record(double milliseconds, string? operationType, string? firstErrorCode) =>
        Duration.Record(milliseconds, new KeyValuePair<string, object?>("graphql.operation.type", operationType ?? "none"), new KeyValuePair<string, object?>("graphql.error.code", firstErrorCode ?? "none"));
}
