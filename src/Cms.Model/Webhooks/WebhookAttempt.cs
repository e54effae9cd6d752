namespace Cms.Model.Webhooks;

/// <summary>One try at a delivery, for the delivery log: when, what came back and how long it took.</summary>
public sealed class WebhookAttempt
{
    public const int MaxResponseLength = 500;

    private WebhookAttempt()
    {
    }

    public long Id { get; private set; }

    public long DeliveryId { get; private set; }

    /// <summary>1 for the first try.</summary>
    public int Number { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>The receiver's HTTP status; null when no answer came (refused address, timeout, connection error).</summary>
    public int? StatusCode { get; private set; }

    public int LatencyMilliseconds { get; private set; }

    /// <summary>The start of the response body, at most <see cref="MaxResponseLength"/> characters.</summary>
    public string? ResponseStart { get; private set; }

    public string? Error { get; private set; }

    internal static WebhookAttempt Create(long deliveryId, int number, DateTime at, WebhookResponse response) =>
        new()
        {
            DeliveryId = deliveryId,
            Number = number,
            At = at,
            StatusCode = response.StatusCode,
            LatencyMilliseconds = (int)Math.Min(int.MaxValue, response.Latency.TotalMilliseconds),
            ResponseStart = Clip(response.BodyStart, MaxResponseLength),
            Error = Clip(response.Error, WebhookDelivery.MaxErrorLength),
        };

    internal static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
