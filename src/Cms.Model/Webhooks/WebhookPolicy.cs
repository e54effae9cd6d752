namespace Cms.Model.Webhooks;

/// <summary>The dispatcher's rules, from the host's settings.</summary>
public sealed record WebhookPolicy
{
    /// <summary>The wait before the first retry; each later one doubles it (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(4);

    /// <summary>How long after its event a delivery is retried before it is given up.</summary>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A subscription whose deliveries have failed this long without a success is turned off.</summary>
    public TimeSpan DisableAfter { get; init; } = TimeSpan.FromDays(3);

    /// <summary>How long the secret before a rotation still signs deliveries.</summary>
    public TimeSpan SecretOverlap { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a claimed delivery is an instance's own; a crashed instance's claims are taken over after it.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The most deliveries one instance sends at once.</summary>
    public int MaxConcurrentDeliveries { get; init; } = 16;

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one waits this long.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(1);
}
