using GraphQL.Types;

namespace Cms.Api.Webhooks;

public sealed record RotateWebhookSecretInput(string Id);

public sealed class RotateWebhookSecretInputGraphType : InputObjectGraphType<RotateWebhookSecretInput>
{
    public RotateWebhookSecretInputGraphType()
    {
        Name = "RotateWebhookSecretInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The webhook's id.");
    }
}
