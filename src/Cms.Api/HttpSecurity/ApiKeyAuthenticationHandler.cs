using System.Security.Claims;
using System.Text.Encodings.Web;
using Cms.Api.Common;
using Cms.Model.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cms.Api.HttpSecurity;

/// <summary>
/// Authenticates <c>X-Api-Key: cmsk_…</c> or <c>Authorization: Bearer cmsk_…</c>. Every failure reads the same,
/// so a response never reveals whether a key exists, was revoked or has expired.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        // Resolved only for a request that presents a key: the key service needs a database context, which an anonymous
        // request (most of the traffic, and every response-cache hit) must not pay for.
        var keys = Context.RequestServices.GetRequiredService<ApiKeyService>();
        var key = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("The credentials are invalid or expired.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
                new Claim(ClaimTypes.Name, $"api-key:{key.Name}"),
                new Claim(CmsClaims.Role, key.Role.ToName()),
                new Claim(CmsClaims.Caller, $"key:{key.Id}"),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The key a request presents, or null; an Authorization header that is not a key belongs to another scheme.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValue(HeaderName, out var header))
        {
            return header.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + ApiKey.Prefix, StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
    }
}
