using GraphQL.Types;

namespace Cms.Api.Webhooks;

public sealed record RedeliverWebhookEventInput(string Id);

public sealed class RedeliverWebhookEventInputGraphType : InputObjectGraphType<RedeliverWebhookEventInput>
{
    public RedeliverWebhookEventInputGraphType()
    {
        Name = "RedeliverWebhookEventInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("A delivery's id, from a webhook's deliveries.");
    }
}
