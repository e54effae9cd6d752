using Cms.Model.Webhooks;
using Microsoft.Extensions.Options;

namespace Cms.Api.Webhooks;

/// <summary>
/// The dispatcher loop of one instance: take new events into deliveries, send what is due (up to the concurrency limit,
/// each in its own scope), and prune the outbox and the delivery log now and then. Every step is a conditional update,
/// so any number of instances may run it.
/// </summary>
public sealed partial class WebhookDispatchService(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, ILogger<WebhookDispatchService> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Dispatch)
        {
            return;
        }

        var lastPrune = DateTime.MinValue;
        using var timer = new PeriodicTimer(settings.PollInterval);
        do
        {
            try
            {
                // Until a round finds nothing more to do, go on at once: a burst of publishes drains without waiting a tick per batch.
                while (await RoundAsync(settings.MaxConcurrentDeliveries, stoppingToken))
                {
                }

                if (DateTime.UtcNow - lastPrune > PruneEvery)
                {
                    lastPrune = DateTime.UtcNow;
                    await using var scope = scopes.CreateAsyncScope();
                    var (events, deliveries) = await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>()
                        .PruneAsync(settings.EventRetention, settings.DeliveryLogRetention, stoppingToken);
                    if (events + deliveries > 0)
                    {
                        LogPruned(logger, events, deliveries);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failed round (the database briefly away, say) must not stop delivery; the next tick tries again.
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round; true when it did something, so another may find more.</summary>
    private async Task<bool> RoundAsync(int concurrency, CancellationToken stoppingToken)
    {
        IReadOnlyList<long> claimed;
        int made;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var dispatcher = scope.ServiceProvider.GetRequiredService<WebhookDispatcher>();
            made = await dispatcher.FanOutAsync(stoppingToken);
            claimed = await dispatcher.ClaimDueAsync(concurrency, stoppingToken);
        }

        await Task.WhenAll(claimed.Select(id => DeliverAsync(id, stoppingToken)));
        return made > 0 || claimed.Count > 0;
    }

    private async Task DeliverAsync(long deliveryId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().DeliverAsync(deliveryId, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Its claim lapses and the delivery is tried again; the others of the round go on.
            LogDeliveryFailed(logger, deliveryId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Events} outbox event(s) and {Deliveries} finished webhook deliveries")]
    private static partial void LogPruned(ILogger logger, int events, int deliveries);

    [LoggerMessage(Level = LogLevel.Error, Message = "A webhook dispatch round failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording webhook delivery {DeliveryId} failed; it is retried when its claim lapses")]
    private static partial void LogDeliveryFailed(ILogger logger, long deliveryId, Exception exception);
}
