namespace Cms.Model.Webhooks;

/// <summary>
/// What one attempt at a delivery came to. <see cref="StatusCode"/> is null when no answer came: then
/// <see cref="Refused"/> says the address itself was refused (never retried), and otherwise the connection failed or
/// timed out (retried).
/// </summary>
public sealed record WebhookResponse(int? StatusCode, TimeSpan Latency, string? BodyStart, string? Error, TimeSpan? RetryAfter = null, bool Refused = false)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Timeouts, connection errors, 408, 429 and 5xx are worth another try; other answers are final.</summary>
    public bool IsRetryable => StatusCode switch
    {
        null => !Refused,
        408 or 429 => true,
        >= 500 => true,
        _ => false,
    };
}
