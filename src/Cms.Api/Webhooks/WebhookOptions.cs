using System.ComponentModel.DataAnnotations;
using Cms.Model.Webhooks;

namespace Cms.Api.Webhooks;

/// <summary>Webhook delivery and the outbox's retention. Section "Webhooks".</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string SectionName = "Webhooks";

    /// <summary>Deliver webhooks from this instance. Default true; any number of instances may (each delivery is sent by one).</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>How often the dispatcher looks for new events and due retries. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.020", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Accept http:// receivers. Default false: https only. For development receivers on a trusted network.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Receivers allowed although their address is loopback, private, link-local and so on: host names (matched as written in
    /// the URL) or addresses and ranges in CIDR form (matched against what the name resolves to). Empty by default.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How long one attempt may take, connecting included. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry, doubled (with jitter) for each later one. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two retries. Default 4 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long a delivery is retried before it is given up. Default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A subscription failing this long without a success is turned off, with the reason. Default 3 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long the old secret still signs deliveries after a rotation. Default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The most deliveries one instance sends at once (one round, recorded in one transaction). Default 16: measured on two
    /// cores, 64 at once flooded the thread pool while publishes waited behind the sends (docs/benchmarks.md).
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentDeliveries { get; set; } = 16;

    /// <summary>The most response bytes read from a receiver; the log keeps the first 500 characters. Default 64 KiB.</summary>
    [Range(0, 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>How long outbox events are kept once every webhook subscription has taken them. Default 7 days, at least 1 hour.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long finished deliveries and their attempts stay in the log. Default 30 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan DeliveryLogRetention { get; set; } = TimeSpan.FromDays(30);

    public WebhookPolicy ToPolicy() => new()
    {
        FirstRetryDelay = FirstRetryDelay,
        MaxRetryDelay = MaxRetryDelay,
        RetryWindow = RetryWindow,
        DisableAfter = DisableAfter,
        SecretOverlap = SecretOverlap,
        MaxConcurrentDeliveries = MaxConcurrentDeliveries,
        // Longer than a round (the batch is sent at once, then recorded): a claim outlives its attempt, and a dead
        // instance's claims are taken over soon after.
        ClaimLease = (Timeout * 3) + TimeSpan.FromSeconds(10),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in AllowedHosts)
        {
            if (!WebhookAllowList.TryParseEntry(entry, out _))
            {
                yield return new ValidationResult($"'{entry}' is neither a host name nor an address or CIDR range.", [nameof(AllowedHosts)]);
            }
        }

        if (MaxRetryDelay < FirstRetryDelay)
        {
            yield return new ValidationResult("MaxRetryDelay must be at least FirstRetryDelay.", [nameof(MaxRetryDelay)]);
        }
    }
}
