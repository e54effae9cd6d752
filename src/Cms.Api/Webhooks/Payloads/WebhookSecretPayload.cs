using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using Cms.Model.Webhooks;
using GraphQL.Types;

namespace Cms.Api.Webhooks;

/// <summary>What createWebhook and rotateWebhookSecret answer: the webhook and its new secret, shown this once.</summary>
public sealed record WebhookSecretPayload(WebhookSubscription? Webhook, string? Secret, IReadOnlyList<EditError> Errors);

public sealed class WebhookSecretPayloadGraphType : ObjectGraphType<WebhookSecretPayload>
{
    public WebhookSecretPayloadGraphType()
    {
        Name = "WebhookSecretPayload";
        this.RequireRole(Role.Admin);
        Field<WebhookGraphType>("webhook").Resolve(ctx => ctx.Source.Webhook);
        Field<StringGraphType>("secret")
            .Description("The signing secret (whsec_…), shown only in this response: store it now. After a rotation, deliveries carry a signature for the old one too until webhook.previousSecretExpiresAt.")
            .Resolve(ctx => ctx.Source.Secret);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorInterface>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
