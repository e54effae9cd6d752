using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

/// <summary>Reads the content version every <see cref="ResponseCacheOptions.PollInterval"/> and tells the cache.</summary>
internal sealed partial class ResponseCacheInvalidation(
    ResponseCache cache,
    IEnumerable<IContentVersionSource> sources,
    IOptions<GraphQLHttpOptions> options,
    ILogger<ResponseCacheInvalidation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var source = sources.LastOrDefault();
        if (!cache.Enabled || source is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ResponseCache.PollInterval);
        do
        {
            try
            {
                cache.ObserveContentVersion(await source.GetCurrentAsync(stoppingToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                cache.ContentVersionUnknown();
                LogPollFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content version could not be read; the response cache is off until it can be.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
