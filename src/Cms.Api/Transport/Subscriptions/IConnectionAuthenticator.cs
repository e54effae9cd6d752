using System.Security.Claims;

namespace Cms.Api.Transport;

/// <summary>
/// Authenticates a WebSocket from the credentials its client sent in <c>connection_init</c> (browsers cannot set
/// headers on a WebSocket), with the same schemes as a request's headers. The transport knows no scheme; the host does.
/// </summary>
public interface IConnectionAuthenticator
{
    /// <summary>The caller, or a refusal; anonymous when no credentials were given.</summary>
    Task<(ClaimsPrincipal? User, string? Refusal)> AuthenticateAsync(HttpContext http, IReadOnlyDictionary<string, string> credentials);
}
