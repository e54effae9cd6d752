using Cms.Api.Common;
using Cms.Model.Security;

namespace Cms.Api.HttpSecurity;

/// <summary>
/// The one place a preview token is read: a valid <c>X-Preview-Token</c> adds its identity to the caller (beside any key or
/// bearer token), for every endpoint (GraphQL and media files alike), which then ask <see cref="CmsClaims.GetPreview"/>.
/// A token that fails is remembered, so the GraphQL endpoint can refuse it by name; a file is simply not granted.
/// </summary>
public sealed class PreviewTokenAuthentication(RequestDelegate next)
{
    /// <summary>The header a front end's preview page sends a preview token in.</summary>
    public const string HeaderName = "X-Preview-Token";

    private static readonly object FailedKey = new();

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Headers.TryGetValue(HeaderName, out var presented))
        {
            // Resolved only for a request that presents a token: the service needs a database context, which every other
            // request (most of the traffic, and every response-cache hit) must not pay for.
            var tokens = http.RequestServices.GetRequiredService<PreviewTokens>();
            var grant = presented.Count == 1 ? await tokens.CheckAsync(presented.ToString(), http.RequestAborted) : null;
            if (grant is null)
            {
                http.Items[FailedKey] = true;
            }
            else
            {
                http.User.AddIdentity(CmsClaims.PreviewIdentity(grant));
            }
        }

        await next(http);
    }

    /// <summary>Whether the request presented a preview token that is invalid, expired or revoked.</summary>
    public static bool Failed(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.ContainsKey(FailedKey);
    }

    /// <summary>Whether the request presented a preview token at all, valid or not.</summary>
    public static bool Presented(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Headers.ContainsKey(HeaderName);
    }
}
