using Cms.Model.Events;
using Cms.Model.Persistence;
using Microsoft.Extensions.Options;

namespace Cms.Api.Subscriptions;

/// <summary>
/// Tails the outbox table for this instance: starts at the latest event (subscribers get what happens from now on), then
/// reads what was committed since, on any instance, every poll interval and publishes it to the <see cref="ChangeFeed"/>.
/// A change committed on this instance wakes it at once (<see cref="ChangeFeedWakeUp"/>).
/// </summary>
public sealed partial class ChangeFeedPoller(ChangeFeed feed, ChangeFeedWakeUp wakeUp, IServiceScopeFactory scopes, TimeProvider clock, IOptions<ChangeFeedOptions> options, ILogger<ChangeFeedPoller> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var started = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
                    if (!started)
                    {
                        feed.StartAt(await ChangeFeedReader.LatestSequenceAsync(db.ChangeEvents, stoppingToken));
                        started = true;
                        continue;
                    }

                    IReadOnlyList<ChangeEvent> read;
                    do
                    {
                        read = await ChangeFeedReader.ReadAfterAsync(db.ChangeEvents, feed.Position, BatchSize, clock.GetUtcNow().UtcDateTime, stoppingToken);
                        foreach (var change in read)
                        {
                            feed.Publish(change);
                        }
                    }
                    while (read.Count == BatchSize);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database briefly away, say: nothing is lost, the next round reads from the same position.
                    LogFailed(logger, exception);
                }

                await wakeUp.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            // Shutting down: every subscription ends cleanly (complete), then its connection closes.
            feed.CompleteAll();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the outbox for subscriptions failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
