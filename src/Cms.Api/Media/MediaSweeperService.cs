using Microsoft.Extensions.Options;

namespace Cms.Api.Media;

/// <summary>Runs the sweeper every <see cref="MediaOptions.SweepInterval"/>.</summary>
public sealed partial class MediaSweeperService(IServiceScopeFactory scopes, IOptions<MediaOptions> options, ILogger<MediaSweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<MediaSweeper>().SweepAsync(stoppingToken);
                if (result.ExpiredUploads + result.Originals + result.Renditions > 0)
                {
                    LogSwept(logger, result.ExpiredUploads, result.Originals, result.Renditions);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store or database briefly unavailable must not stop sweeping; the next round retries.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media sweep removed {Uploads} expired upload(s), {Originals} unused original(s), {Renditions} unused rendition(s)")]
    private static partial void LogSwept(ILogger logger, int uploads, int originals, int renditions);

    [LoggerMessage(Level = LogLevel.Error, Message = "The media sweep failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
