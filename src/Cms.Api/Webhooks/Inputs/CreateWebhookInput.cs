using GraphQL.Types;

namespace Cms.Api.Webhooks;

public sealed record CreateWebhookInput(string Url, IReadOnlyList<string> Events, string? Description, bool? Active);

public sealed class CreateWebhookInputGraphType : InputObjectGraphType<CreateWebhookInput>
{
    public CreateWebhookInputGraphType()
    {
        Name = "CreateWebhookInput";
        Field<NonNullGraphType<StringGraphType>>("url").Description("The receiver: https (http only where Webhooks:AllowHttp is set), not a private or local address.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookEventTypeGraphType>>>>("events").Description("The event types to deliver; at least one.");
        Field<StringGraphType>("description");
        Field<BooleanGraphType>("active").Description("Deliver at once; default true.");
    }
}
