using Cms.Api.Settings;
using Cms.Api.Transport.Uploads;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

public static class TransportExtensions
{
    /// <summary>Registers the GraphQL-over-HTTP transport: options, request readers, persisted operations and the document pipeline.</summary>
    public static IServiceCollection AddGraphQLHttpTransport(this IServiceCollection services)
    {
        services.AddSettings<GraphQLHttpOptions>(GraphQLHttpOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) => options.EnableIntrospection ??= environment.IsDevelopment());
        services.AddDistributedMemoryCache();
        services.AddSingleton<DocumentPreparation>();
        services.AddSingleton<IConfigureExecution>(sp => sp.GetRequiredService<DocumentPreparation>());
        services.AddSingleton<TrustedDocuments>();
        services.AddSingleton<PersistedOperations>();
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<MultipartRequestReader>();
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<ResponseCacheFollower>();
        services.AddHostedService<ResponseCacheInvalidation>();
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddSingleton<StreamingOperations>();
        services.AddSingleton<StreamingConnections>();
        services.AddSingleton<SharedSubscriptions>();
        services.AddSingleton<OpenSubscriptions>();
        services.AddSingleton<StreamingKeepAlive>();
        services.AddSingleton<GraphQLWebSocketHandler>();
        services.AddSingleton<GraphQLSseHandler>();
        return services;
    }

    /// <summary>Accepts WebSocket upgrades, for graphql-transport-ws on the GraphQL endpoint.</summary>
    public static IApplicationBuilder UseGraphQLStreaming(this IApplicationBuilder app) => app.UseWebSockets();

    /// <summary>Maps the endpoint for every method, so that unsupported ones get a GraphQL-shaped 405 with an Allow header.</summary>
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;

        // Loading the allow-list now makes a broken manifest stop start-up instead of failing requests.
        _ = endpoints.ServiceProvider.GetRequiredService<TrustedDocuments>();
        var handler = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpHandler>();
        if (!options.Subscriptions.Enabled)
        {
            return endpoints.Map(options.Path, handler.HandleAsync);
        }

        // One endpoint, three transports: a WebSocket upgrade speaks graphql-transport-ws, a request that accepts an event
        // stream gets GraphQL over SSE, and everything else is GraphQL over HTTP.
        var webSockets = endpoints.ServiceProvider.GetRequiredService<GraphQLWebSocketHandler>();
        var serverSentEvents = endpoints.ServiceProvider.GetRequiredService<GraphQLSseHandler>();
        return endpoints.Map(options.Path, http =>
            http.WebSockets.IsWebSocketRequest ? webSockets.HandleAsync(http)
            : GraphQLSseHandler.Accepts(http.Request) ? serverSentEvents.HandleAsync(http)
            : handler.HandleAsync(http));
    }
}
