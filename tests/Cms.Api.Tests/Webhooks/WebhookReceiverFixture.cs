using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Webhooks;

/// <summary>One receiver process for the webhook tests; each test uses routes of its own.</summary>
public sealed class WebhookReceiverFixture : IAsyncLifetime
{
    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync() => Receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await Receiver.DisposeAsync();
}
