namespace Cms.Model.Webhooks;

/// <summary>
/// Sends one signed delivery and reports what came back. The HTTP side (address checks, no redirects, a bounded read)
/// belongs to the host; the dispatcher only needs the outcome.
/// </summary>
public interface IWebhookSender
{
    Task<WebhookResponse> SendAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken);
}
