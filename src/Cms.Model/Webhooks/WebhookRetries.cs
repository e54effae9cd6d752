namespace Cms.Model.Webhooks;

/// <summary>When a failed delivery is tried again: exponential backoff with jitter, a receiver's Retry-After honoured.</summary>
public static class WebhookRetries
{
    /// <summary>
    /// The wait after attempt <paramref name="attempt"/> (1 for the first) failed: the first delay doubled per attempt up to
    /// the maximum, then a random 75–125 % of it, so that receivers coming back from an outage are not hit all at once.
    /// </summary>
    public static TimeSpan DelayAfter(int attempt, WebhookPolicy policy, TimeSpan? retryAfter, Random random)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(random);
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked < policy.MaxRetryAfter ? asked : policy.MaxRetryAfter;
        }

        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var delay = Math.Min(policy.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), policy.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.75 + (random.NextDouble() * 0.5)));
    }
}
