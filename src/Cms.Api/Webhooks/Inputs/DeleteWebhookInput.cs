using GraphQL.Types;

namespace Cms.Api.Webhooks;

public sealed record DeleteWebhookInput(string Id);

public sealed class DeleteWebhookInputGraphType : InputObjectGraphType<DeleteWebhookInput>
{
    public DeleteWebhookInputGraphType()
    {
        Name = "DeleteWebhookInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The webhook's id.");
    }
}
