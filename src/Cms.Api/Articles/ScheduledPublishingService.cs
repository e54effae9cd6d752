using Cms.Model.Editing;
using Microsoft.Extensions.Options;

namespace Cms.Api.Articles;

/// <summary>Runs due scheduled publications at start-up (catching up on any that fell due while down), then every poll interval.</summary>
public sealed partial class ScheduledPublishingService(IServiceScopeFactory scopes, IOptions<SchedulingOptions> options, ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var ran = await scope.ServiceProvider.GetRequiredService<ScheduledPublisher>().RunDueAsync(stoppingToken);
                if (ran > 0)
                {
                    LogRan(logger, ran);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failed round (database briefly unavailable, say) must not stop scheduling; the next round retries.
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ran {Count} scheduled publication(s)")]
    private static partial void LogRan(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Running scheduled publications failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
