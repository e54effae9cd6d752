using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using Cms.Model.Webhooks;
using GraphQL.Types;

namespace Cms.Api.Webhooks;

/// <summary>What updateWebhook and deleteWebhook answer (deleteWebhook: the webhook as it was).</summary>
public sealed record WebhookPayload(WebhookSubscription? Webhook, IReadOnlyList<EditError> Errors);

public sealed class WebhookPayloadGraphType : ObjectGraphType<WebhookPayload>
{
    public WebhookPayloadGraphType()
    {
        Name = "WebhookPayload";
        this.RequireRole(Role.Admin);
        Field<WebhookGraphType>("webhook").Description("The webhook after the change; after deleteWebhook, as it was (its deliveries and log are gone).").Resolve(ctx => ctx.Source.Webhook);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorInterface>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
