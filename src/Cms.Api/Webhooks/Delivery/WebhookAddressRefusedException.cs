namespace Cms.Api.Webhooks;

/// <summary>Thrown by the sender's connection step when the receiver's address is refused; never retried.</summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);
