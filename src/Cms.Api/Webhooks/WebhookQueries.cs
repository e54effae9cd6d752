using System.Diagnostics.CodeAnalysis;
using Cms.Api.SchemaCore;
using Cms.Model.Security;
using Cms.Model.Webhooks;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Webhooks;

/// <summary>The webhook subscriptions and their delivery logs, for admins.</summary>
public sealed class WebhookQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.PagedConnection<object?, WebhookGraphType, WebhookSubscription, Guid, WebhookService>(
                "webhooks",
                _ => webhook => CursorContent.Compose(Signature, [webhook.Id.ToString("N")]),
                ReadCursor,
                async (context, webhooks, page) =>
                {
                    var (items, hasMore) = await webhooks.PageAsync(page.Size, page.From == Guid.Empty ? null : page.From, context.CancellationToken);
                    return new ConnectionPage<WebhookSubscription>(items, hasMore);
                },
                (context, webhooks) => webhooks.CountAsync(context.CancellationToken))
            .Description("Every webhook subscription, oldest first.")
            .RequireRole(Role.Admin);

        query.Field<WebhookGraphType>("webhook")
            .Description("One webhook subscription by id, with its delivery log.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireRole(Role.Admin)
            .Resolve()
            .WithService<WebhookService>()
            .ResolveAsync(async (ctx, webhooks) => GlobalId.KeyOf(ctx.GetArgument<string>("id"), WebhookGraphType.TypeName) is { } id
                ? (await webhooks.GetManyAsync([id], ctx.CancellationToken)).GetValueOrDefault(id)
                : null);
    }

    private const string Signature = "webhooks";

    private static bool ReadCursor(IResolveFieldContext<object?> context, string content, [MaybeNullWhen(false)] out Guid position)
    {
        position = Guid.Empty;
        return CursorContent.TryRead(content, Signature, 1, out var values) && Guid.TryParseExact(values[0], "N", out position);
    }
}
