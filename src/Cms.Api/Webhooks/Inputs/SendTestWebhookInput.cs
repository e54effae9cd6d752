using GraphQL.Types;

namespace Cms.Api.Webhooks;

public sealed record SendTestWebhookInput(string Id);

public sealed class SendTestWebhookInputGraphType : InputObjectGraphType<SendTestWebhookInput>
{
    public SendTestWebhookInputGraphType()
    {
        Name = "SendTestWebhookInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The webhook's id.");
    }
}
