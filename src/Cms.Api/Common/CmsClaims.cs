using System.Security.Claims;
using Cms.Model.Security;

namespace Cms.Api.Common;

/// <summary>The claims this API sets on an authenticated caller, whichever way it authenticated.</summary>
public static class CmsClaims
{
    /// <summary>The caller's effective role: the highest role it holds.</summary>
    public const string Role = "cms:role";

    /// <summary>A stable id of the caller for rate limits and audit: "key:&lt;id&gt;" or "jwt:&lt;subject&gt;".</summary>
    public const string Caller = "cms:caller";

    /// <summary>On the identity a valid preview token adds: the article it shows.</summary>
    public const string PreviewArticle = "cms:preview-article";

    /// <summary>On the identity a valid preview token adds: the version it shows, when it names one.</summary>
    public const string PreviewVersion = "cms:preview-version";

    public const string PreviewAuthenticationType = "PreviewToken";

    /// <summary>The identity a checked preview token adds to the caller: no role, no name, only what it may preview.</summary>
    public static ClaimsIdentity PreviewIdentity(PreviewGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        List<Claim> claims = [new(PreviewArticle, grant.ArticleId.ToString())];
        if (grant.VersionNumber is { } version)
        {
            claims.Add(new Claim(PreviewVersion, version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsIdentity(claims, PreviewAuthenticationType);
    }

    /// <summary>What the caller's preview token lets it read, or null without one.</summary>
    public static PreviewGrant? GetPreview(this ClaimsPrincipal? user)
    {
        var identity = user?.Identities.FirstOrDefault(i => i.AuthenticationType == PreviewAuthenticationType);
        if (identity is null || !Guid.TryParse(identity.FindFirst(PreviewArticle)?.Value, out var articleId))
        {
            return null;
        }

        int? version = int.TryParse(identity.FindFirst(PreviewVersion)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
        return new PreviewGrant(Guid.Empty, articleId, version);
    }

    public static Role? GetRole(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && Roles.TryParse(user.FindFirstValue(Role), out var role) ? role : null;

    public static string? GetCaller(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(Caller) : null;

    /// <summary>The name recorded as author or actor of a change.</summary>
    public static string GetActorName(this ClaimsPrincipal? user) =>
        user?.Identity?.Name ?? user?.GetCaller() ?? "anonymous";
}
