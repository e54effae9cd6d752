namespace Cms.Model.Webhooks;

/// <summary>
/// The host's rules for a receiver's URL (scheme, address ranges, allow-list), checked when a subscription is saved. The
/// sender checks again, against the addresses the name resolves to at delivery time.
/// </summary>
public interface IWebhookUrlRules
{
    /// <summary>Why the URL cannot receive deliveries, or null when it may.</summary>
    string? Refusal(Uri url);
}
