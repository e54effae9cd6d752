using System.Security.Claims;
using Cms.Api.Transport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.HttpSecurity;

/// <summary>
/// A WebSocket's <c>connection_init</c> credentials (<c>{ "X-Api-Key": "cmsk_…" }</c> or
/// <c>{ "Authorization": "Bearer …" }</c>) go through the same authentication as request headers: they are set on the
/// upgrade request and the default scheme runs again, so revocation, expiry and roles behave exactly as over HTTP.
/// </summary>
public sealed class ConnectionInitAuthentication : IConnectionAuthenticator
{
    private static readonly string[] CredentialNames = [ApiKeyAuthenticationHandler.HeaderName, HeaderNames.Authorization];

    public async Task<(ClaimsPrincipal? User, string? Refusal)> AuthenticateAsync(HttpContext http, IReadOnlyDictionary<string, string> credentials)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credentials);
        var given = CredentialNames.Where(name => credentials.ContainsKey(name)).ToList();
        if (given.Count == 0)
        {
            // No credentials: an anonymous reader, unless the upgrade request itself carried some (a non-browser client).
            return (http.User, null);
        }

        foreach (var name in CredentialNames)
        {
            http.Request.Headers.Remove(name);
        }

        foreach (var name in given)
        {
            http.Request.Headers[name] = credentials[name];
        }

        // Authentication handlers keep their first result for the rest of the request (the upgrade request's, without
        // these credentials), so this run gets handlers of its own from a scope of its own.
        var requestServices = http.RequestServices;
        await using var scope = requestServices.CreateAsyncScope();
        AuthenticateResult result;
        try
        {
            http.RequestServices = scope.ServiceProvider;
            result = await http.AuthenticateAsync(HttpSecurityExtensions.DefaultScheme);
        }
        finally
        {
            http.RequestServices = requestServices;
        }

        return result.Succeeded && result.Principal is { } user
            ? (user, null)
            : (null, result.Failure?.Message ?? "The credentials were not accepted.");
    }
}
