using System.Net;

namespace Cms.Api.Webhooks;

/// <summary>
/// Resolves a receiver's host name at delivery time: the system resolver in the app; a test gives a name of its own the
/// answer an attacker's DNS would (a public-looking name that resolves to loopback).
/// </summary>
public interface IWebhookHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
