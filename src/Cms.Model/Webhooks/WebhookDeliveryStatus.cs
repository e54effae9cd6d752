namespace Cms.Model.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Not yet delivered: waiting for its first attempt, a retry, or an earlier event of the same article.</summary>
    Pending = 0,

    /// <summary>The receiver answered 2xx.</summary>
    Succeeded = 1,

    /// <summary>Given up: a final answer (a 4xx other than 408 and 429, a redirect, a refused address) or retries exhausted.</summary>
    Failed = 2,
}
