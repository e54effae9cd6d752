namespace Cms.Model.Webhooks;

public static class WebhookEventTypes
{
    /// <summary>The type of a test send (<c>sendTestWebhook</c>); never an outbox event.</summary>
    public const string Test = "webhook.test";
}
