using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cms.Api.Media;

/// <summary>Ready when the media store can be reached (the folder exists; the blob container answers).</summary>
public sealed class MediaStoreHealthCheck(IMediaStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CheckReachableAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The media store cannot be reached.", exception);
        }
    }
}
