using System.Diagnostics;

namespace Cms.Api.Transport;

/// <summary>The activity source for GraphQL requests; OpenTelemetry picks it up by name.</summary>
public static class GraphQLTelemetry
{
    public const string SourceName = "Cms.Api.GraphQL";
    public const string RequestActivityName = "graphql.request";

    public static readonly ActivitySource Source = new(SourceName);
}
