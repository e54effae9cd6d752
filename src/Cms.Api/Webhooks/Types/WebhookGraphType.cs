using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cms.Api.SchemaCore;
using Cms.Model.Security;
using Cms.Model.Webhooks;
using GraphQL;
using GraphQL.Types;

namespace Cms.Api.Webhooks;

public sealed class WebhookGraphType : ObjectGraphType<WebhookSubscription>
{
    public const string TypeName = "Webhook";

    public WebhookGraphType()
    {
        Name = TypeName;
        Description = "A webhook subscription: change events POSTed to a URL, signed as Standard Webhooks. Its secret is shown only when made.";
        this.RequireRole(Role.Admin);
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global object id.").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(ctx => ctx.Source.Url);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookEventTypeGraphType>>>>("events").Resolve(ctx => ctx.Source.EventTypeList);
        Field<StringGraphType>("description").Resolve(ctx => ctx.Source.Description);
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("Whether deliveries are made; false when turned off by an admin or for failing too long.").Resolve(ctx => ctx.Source.Active);
        Field<DateTimeGraphType>("disabledAt").Description("When the dispatcher turned it off.").Resolve(ctx => ctx.Source.DisabledAt);
        Field<StringGraphType>("disabledReason").Description("Why the dispatcher turned it off.").Resolve(ctx => ctx.Source.DisabledReason);
        Field<DateTimeGraphType>("failingSince").Description("When deliveries began failing without a success since; null while they succeed.").Resolve(ctx => ctx.Source.FailingSince);
        Field<DateTimeGraphType>("previousSecretExpiresAt").Description("Until when the secret before the last rotation still signs deliveries.").Resolve(ctx => ctx.Source.PreviousSecretExpiresAt);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(ctx => ctx.Source.CreatedBy);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Resolve(ctx => ctx.Source.UpdatedAt);

        this.PagedConnection<WebhookSubscription, WebhookDeliveryGraphType, WebhookDelivery, long, WebhookService>(
                "deliveries",
                context => delivery => CursorContent.Compose(Signature(context), [delivery.Id.ToString(CultureInfo.InvariantCulture)]),
                ReadCursor,
                async (context, webhooks, page) =>
                {
                    var withAttempts = Selections.FieldNamesAt(context, "nodes").Contains("attempts") || Selections.FieldNamesAt(context, "edges", "node").Contains("attempts");
                    var (items, hasMore) = await webhooks.DeliveriesAsync(context.Source.Id, Status(context), page.Size, page.From == 0 ? null : page.From, withAttempts, context.CancellationToken);
                    return new ConnectionPage<WebhookDelivery>(items, hasMore);
                },
                (context, webhooks) => webhooks.CountDeliveriesAsync(context.Source.Id, Status(context), context.CancellationToken))
            .Argument<WebhookDeliveryStatusGraphType>("status", "Only deliveries in this state.")
            .Description("The delivery log, newest first.")
            .RequireRole(Role.Admin);
    }

    private static WebhookDeliveryStatus? Status(IResolveFieldContext context) => context.GetArgument<WebhookDeliveryStatus?>("status");

    private static string Signature(IResolveFieldContext context) => $"webhook-deliveries:{Status(context)}";

    private static bool ReadCursor(IResolveFieldContext<WebhookSubscription> context, string content, [MaybeNullWhen(false)] out long position)
    {
        position = 0;
        return CursorContent.TryRead(content, Signature(context), 1, out var values) &&
            long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out position) && position > 0;
    }
}
