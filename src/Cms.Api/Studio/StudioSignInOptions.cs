using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Studio;

/// <summary>
/// Organisation sign-in for the studio ("Studio:SignIn"): Microsoft Entra ID, or another OpenID Connect provider, through
/// MSAL's authorization code flow with PKCE in the browser. Off until <see cref="ClientId"/> is set; pasting an API key
/// keeps working either way. The API must accept the tokens it yields, so <c>Auth:Jwt</c> names the same authority and
/// an audience the scopes are for.
/// </summary>
public sealed class StudioSignInOptions
{
    /// <summary>
    /// The authority the browser signs in at: for Entra ID <c>https://login.microsoftonline.com/&lt;tenant-id&gt;</c>
    /// (MSAL adds <c>/v2.0</c>); for another provider its issuer. HTTPS only.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The studio's own app registration: a single-page application whose redirect URI is <c>https://&lt;host&gt;/studio/</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The API scopes the studio asks for, e.g. <c>api://cms-api/Content.ReadWrite</c>; their audience is <c>Auth:Jwt:Audience</c>.</summary>
    public string[] Scopes { get; set; } = [];

    public bool IsEnabled => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The authority's origin, which the studio's page must be allowed to connect to (metadata, keys, tokens).</summary>
    public string AuthorityOrigin => new Uri(Authority!).GetLeftPart(UriPartial.Authority);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (!IsEnabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps || authority.Query.Length > 0)
        {
            yield return new ValidationResult("must be an https URL without a query, such as https://login.microsoftonline.com/<tenant-id>.", ["SignIn:Authority"]);
        }

        if (Scopes.Length == 0 || Scopes.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("must name at least one API scope (e.g. api://cms-api/Content.ReadWrite) when SignIn:ClientId is set.", ["SignIn:Scopes"]);
        }
    }
}
