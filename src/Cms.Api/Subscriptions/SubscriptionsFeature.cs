using Cms.Api.SchemaCore;
using Cms.Api.Settings;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Api.Subscriptions;

public static class SubscriptionsFeature
{
    /// <summary>
    /// GraphQL subscriptions to change events: this instance's tail of the outbox (so a change made on any instance
    /// reaches subscribers on every instance) and the <c>articleChanged</c> and <c>mediaAssetChanged</c> fields. The
    /// transports are the core's (graphql-transport-ws and GraphQL over SSE on the GraphQL endpoint).
    /// </summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddSettings<ChangeFeedOptions>(ChangeFeedOptions.SectionName);
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<ChangeFeedWakeUp>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ChangeFeedWakeUp>());
        services.AddHostedService<ChangeFeedPoller>();
        services.AddSingleton<ISubscriptionFields, ChangeSubscriptions>();
        return services;
    }
}
