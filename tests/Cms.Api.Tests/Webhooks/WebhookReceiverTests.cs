namespace Cms.Api.Tests.Webhooks;

[CollectionDefinition(Name)]
public sealed class WebhookReceiverTests : ICollectionFixture<WebhookReceiverFixture>
{
    public const string Name = "Webhook receiver";
}
