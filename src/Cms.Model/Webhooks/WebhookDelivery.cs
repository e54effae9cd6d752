namespace Cms.Model.Webhooks;

/// <summary>
/// One event owed to one subscription, with the body it is sent with (fixed when the delivery is made, so every retry
/// sends the same bytes under the same <see cref="MessageId"/>). Deliveries of one article to one subscription go out in
/// <see cref="EventSequence"/> order; <see cref="OrderingKey"/> names the article or asset.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxErrorLength = 500;

    private WebhookDelivery()
    {
    }

    /// <summary>The log's order; newer deliveries have larger ids.</summary>
    public long Id { get; private set; }

    /// <summary>The id GraphQL shows (in <c>base64("WebhookDelivery:key")</c>).</summary>
    public Guid PublicId { get; private set; }

    public Guid SubscriptionId { get; private set; }

    /// <summary>The <c>webhook-id</c> header: the event's id (a test send's own id), the same on every attempt.</summary>
    public Guid MessageId { get; private set; }

    /// <summary>The outbox event delivered; null for a test send.</summary>
    public long? EventSequence { get; private set; }

    public string EventType { get; private set; } = string.Empty;

    /// <summary><c>article:{id}</c> or <c>media:{id}</c>: deliveries with the same key go out one after another.</summary>
    public string? OrderingKey { get; private set; }

    public string Payload { get; private set; } = string.Empty;

    public WebhookDeliveryStatus Status { get; private set; }

    public int AttemptCount { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    /// <summary>When its retry window started: when it was made, or when an admin asked for it again.</summary>
    public DateTime RetriesFrom { get; private set; }

    /// <summary>Until when the dispatcher instance that claimed it owns it; another may take it over afterwards.</summary>
    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>The claim of the dispatcher round that owns it, so a batch claimed in one statement can be read back.</summary>
    public Guid? ClaimToken { get; private set; }

    public DateTime? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public List<WebhookAttempt> Attempts { get; private set; } = [];

    internal static WebhookDelivery Create(Guid subscriptionId, Guid messageId, long? eventSequence, string eventType, string? orderingKey, string payload, DateTime now) =>
        new()
        {
            SubscriptionId = subscriptionId,
            MessageId = messageId,
            EventSequence = eventSequence,
            EventType = eventType,
            OrderingKey = orderingKey,
            Payload = payload,
            Status = WebhookDeliveryStatus.Pending,
            PublicId = Guid.CreateVersion7(now),
            CreatedAt = now,
            NextAttemptAt = now,
            RetriesFrom = now,
        };

    /// <summary>
    /// Records an attempt and what follows from it: done on a 2xx; given up on a final answer or when the next try would fall
    /// outside the retry window; otherwise due again after the backoff (or the receiver's Retry-After).
    /// </summary>
    internal void Record(WebhookResponse response, DateTime at, WebhookPolicy policy, Random random)
    {
        AttemptCount++;
        LastAttemptAt = at;
        LastStatusCode = response.StatusCode;
        LastError = WebhookAttempt.Clip(response.Error, MaxErrorLength);
        ClaimedUntil = null;
        ClaimToken = null;
        Attempts.Add(WebhookAttempt.Create(Id, AttemptCount, at, response));
        if (response.IsSuccess)
        {
            Status = WebhookDeliveryStatus.Succeeded;
            CompletedAt = at;
            return;
        }

        if (!response.IsRetryable)
        {
            Status = WebhookDeliveryStatus.Failed;
            CompletedAt = at;
            return;
        }

        // The wait counts from the answer (Retry-After is relative to the response, RFC 9110 10.2.3), not from the send.
        var next = at + response.Latency + WebhookRetries.DelayAfter(AttemptCount, policy, response.RetryAfter, random);
        if (next > RetriesFrom + policy.RetryWindow)
        {
            Status = WebhookDeliveryStatus.Failed;
            CompletedAt = at;
            LastError = WebhookAttempt.Clip($"Gave up after {AttemptCount} attempts: {response.Error ?? $"HTTP {response.StatusCode}"}", MaxErrorLength);
            return;
        }

        NextAttemptAt = next;
    }
}
