using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>Reads the content change feed every <see cref="ResponseCacheOptions.PollInterval"/> for the response cache.</summary>
internal sealed partial class ResponseCacheInvalidation(
    ResponseCacheFollower follower,
    IOptions<GraphQLHttpOptions> options,
    ILogger<ResponseCacheInvalidation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!follower.CanFollow)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ResponseCache.PollInterval);
        do
        {
            try
            {
                await follower.CatchUpAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPollFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content change feed could not be read; the response cache is off until it can be.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
