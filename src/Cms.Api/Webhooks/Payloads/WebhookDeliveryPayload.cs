using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using Cms.Model.Webhooks;
using GraphQL.Types;

namespace Cms.Api.Webhooks;

/// <summary>What redeliverWebhookEvent and sendTestWebhook answer: the delivery, pending.</summary>
public sealed record WebhookDeliveryPayload(WebhookDelivery? Delivery, IReadOnlyList<EditError> Errors);

public sealed class WebhookDeliveryPayloadGraphType : ObjectGraphType<WebhookDeliveryPayload>
{
    public WebhookDeliveryPayloadGraphType()
    {
        Name = "WebhookDeliveryPayload";
        this.RequireRole(Role.Admin);
        Field<WebhookDeliveryGraphType>("delivery").Description("The delivery, pending: the dispatcher sends it within its poll interval.").Resolve(ctx => ctx.Source.Delivery);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorInterface>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
