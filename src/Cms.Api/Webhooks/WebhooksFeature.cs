using Cms.Api.SchemaCore;
using Cms.Api.Settings;
using Cms.Model.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cms.Api.Webhooks;

public static class WebhooksFeature
{
    /// <summary>
    /// The webhooks feature: subscriptions and their logs for admins, the dispatcher that delivers the outbox's events
    /// (signed, retried, in order per article, guarded against request forgery) and prunes the outbox.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSettings<WebhookOptions>(WebhookOptions.SectionName);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value.ToPolicy());
        services.AddSingleton<WebhookAddressRules>();
        services.AddSingleton<IWebhookUrlRules>(sp => sp.GetRequiredService<WebhookAddressRules>());
        services.TryAddSingleton<IWebhookHostResolver, SystemWebhookHostResolver>();
        services.AddSingleton<IWebhookSender, SafeWebhookSender>();
        services.AddSingleton<IWebhookPayloadWriter, WebhookPayloads>();
        services.AddScoped<WebhookService>();
        services.AddScoped<WebhookDispatcher>();
        services.AddHostedService<WebhookDispatchService>();

        services.AddSingleton<IQueryFields, WebhookQueries>();
        services.AddSingleton<IMutationFields, WebhookMutations>();
        services.AddNodeResolver<WebhookNodeResolver>();
        return services;
    }
}
