using Cms.Model.Events;
using GraphQL.Types;

namespace Cms.Api.Webhooks;

/// <summary>The outbox's event types as an enum: <c>article.slug_changed</c> is <c>ARTICLE_SLUG_CHANGED</c>.</summary>
public sealed class WebhookEventTypeGraphType : EnumerationGraphType
{
    public WebhookEventTypeGraphType()
    {
        Name = "WebhookEventType";
        Description = "A change event a webhook can subscribe to; the body's `type` is the lower-case, dotted form (ARTICLE_PUBLISHED is `article.published`).";
        foreach (var type in ChangeEventTypes.All.Order(StringComparer.Ordinal))
        {
            Add(EnumNameOf(type), type, $"`{type}`");
        }
    }

    public static string EnumNameOf(string eventType) => eventType.Replace('.', '_').ToUpperInvariant();
}
