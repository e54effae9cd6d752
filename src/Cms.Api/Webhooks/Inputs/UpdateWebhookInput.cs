using GraphQL.Types;

namespace Cms.Api.Webhooks;

public sealed record UpdateWebhookInput(string Id, string? Url, IReadOnlyList<string>? Events, string? Description, bool? Active);

public sealed class UpdateWebhookInputGraphType : InputObjectGraphType<UpdateWebhookInput>
{
    public UpdateWebhookInputGraphType()
    {
        Name = "UpdateWebhookInput";
        Description = "What to change; a field left out stays as it is.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("url");
        Field<ListGraphType<NonNullGraphType<WebhookEventTypeGraphType>>>("events");
        Field<StringGraphType>("description").Description("An empty string clears it.");
        Field<BooleanGraphType>("active").Description("true turns a webhook the dispatcher disabled on again, its failure count reset.");
    }
}
