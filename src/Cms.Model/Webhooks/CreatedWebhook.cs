namespace Cms.Model.Webhooks;

/// <summary>A subscription with its secret, which exists in this result only (creation and rotation).</summary>
public sealed record CreatedWebhook(WebhookSubscription Subscription, string Secret);
