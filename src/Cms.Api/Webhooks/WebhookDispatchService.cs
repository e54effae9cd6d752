using Cms.Model.Webhooks;
using Microsoft.Extensions.Options;

namespace Cms.Api.Webhooks;

/// <summary>
/// The dispatcher loop of one instance: take new events into deliveries, send what is due (up to the concurrency limit,
/// at once, recorded together), and prune the outbox and the delivery log now and then. Every step is a conditional update,
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
                // A full round may have left more behind, so the next follows at once (a burst drains without waiting a tick per
                // batch); otherwise the dispatcher waits for the tick, so that it writes a few times a second, not after every publish.
                // (Pausing a tenth of the interval between full rounds was measured: the publish p95 with webhooks got worse.)
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

    /// <summary>One round: new events into deliveries, then a batch of due ones sent at once; true when it was full.</summary>
    private async Task<bool> RoundAsync(int concurrency, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<WebhookDispatcher>();
        var made = await dispatcher.FanOutAsync(stoppingToken);
        var claimed = await dispatcher.ClaimDueAsync(concurrency, stoppingToken);
        if (claimed.Count > 0)
        {
            await dispatcher.DeliverAsync([.. claimed], stoppingToken);
        }

        // Full: as many deliveries claimed as one round may send, or a fan-out about as large as one read of the outbox.
        return made >= WebhookDispatcher.FanOutBatch || claimed.Count >= concurrency;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Events} outbox event(s) and {Deliveries} finished webhook deliveries")]
    private static partial void LogPruned(ILogger logger, int events, int deliveries);

    [LoggerMessage(Level = LogLevel.Error, Message = "A webhook dispatch round failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);

}
