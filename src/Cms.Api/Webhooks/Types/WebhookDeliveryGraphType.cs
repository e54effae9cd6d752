using Cms.Api.SchemaCore;
using Cms.Model.Security;
using Cms.Model.Webhooks;
using GraphQL.Types;

namespace Cms.Api.Webhooks;

public sealed class WebhookDeliveryGraphType : ObjectGraphType<WebhookDelivery>
{
    public const string TypeName = "WebhookDelivery";

    public WebhookDeliveryGraphType()
    {
        Name = TypeName;
        Description = "One event owed to one webhook, with every attempt at it.";
        this.RequireRole(Role.Admin);
        Field<NonNullGraphType<IdGraphType>>("id").Description("Give it to redeliverWebhookEvent to send it again.").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.PublicId));
        Field<NonNullGraphType<StringGraphType>>("messageId").Description("The `webhook-id` header: the event's id, the same on every attempt.").Resolve(ctx => ctx.Source.MessageId.ToString());
        Field<NonNullGraphType<StringGraphType>>("eventType").Description("Such as `article.published`, or `webhook.test`.").Resolve(ctx => ctx.Source.EventType);
        Field<NonNullGraphType<WebhookDeliveryStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<IntGraphType>>("attemptCount").Resolve(ctx => ctx.Source.AttemptCount);
        Field<DateTimeGraphType>("nextAttemptAt").Description("When a pending delivery is tried next.").Resolve(ctx => ctx.Source.Status == WebhookDeliveryStatus.Pending ? ctx.Source.NextAttemptAt : null);
        Field<DateTimeGraphType>("lastAttemptAt").Resolve(ctx => ctx.Source.LastAttemptAt);
        Field<IntGraphType>("lastStatusCode").Resolve(ctx => ctx.Source.LastStatusCode);
        Field<StringGraphType>("lastError").Resolve(ctx => ctx.Source.LastError);
        Field<DateTimeGraphType>("completedAt").Resolve(ctx => ctx.Source.CompletedAt);
        Field<NonNullGraphType<StringGraphType>>("payload").Description("The JSON body sent.").Resolve(ctx => ctx.Source.Payload);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookAttemptGraphType>>>>("attempts").Description("Every attempt, first first.").Resolve(ctx => ctx.Source.Attempts);
    }
}
