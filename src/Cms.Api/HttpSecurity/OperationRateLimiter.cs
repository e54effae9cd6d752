using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cms.Api.HttpSecurity;

/// <summary>
/// Sliding-window limits per caller, separately for anonymous queries, authenticated queries and mutations.
/// Built on System.Threading.RateLimiting, the limiters behind ASP.NET Core's rate-limiting middleware; it is
/// called from the transport because only after parsing is it known whether a request is a query or a mutation.
/// </summary>
public sealed class OperationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(OperationClass Class, string Caller)> _limiter;

    public OperationRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<(OperationClass Class, string Caller), (OperationClass, string)>(key =>
        {
            var permits = key.Class switch
            {
                OperationClass.AnonymousQuery => limits.AnonymousQueriesPerMinute,
                OperationClass.AuthenticatedQuery => limits.AuthenticatedQueriesPerMinute,
                _ => limits.MutationsPerMinute,
            };
            return permits == 0
                ? RateLimitPartition.GetNoLimiter(key)
                : RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
        });
    }

    /// <summary>Takes one permit; when none is left, returns how long to wait.</summary>
    public (bool Allowed, TimeSpan RetryAfter) TryAcquire(OperationClass operationClass, string caller)
    {
        using var lease = _limiter.AttemptAcquire((operationClass, caller));
        if (lease.IsAcquired)
        {
            return (true, TimeSpan.Zero);
        }

        return (false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(10));
    }

    public void Dispose() => _limiter.Dispose();
}
