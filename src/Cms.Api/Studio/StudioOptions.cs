using System.ComponentModel.DataAnnotations;

namespace Cms.Api.Studio;

/// <summary>The studio, the editors' web app at <c>/studio</c>. Bound from the "Studio" configuration section.</summary>
public sealed class StudioOptions : IValidatableObject
{
    public const string SectionName = "Studio";

    /// <summary>The placeholders a preview URL may use; each is replaced URL-encoded.</summary>
    public static readonly IReadOnlyList<string> PreviewPlaceholders = ["{token}", "{slug}", "{id}"];

    /// <summary>
    /// Serve the studio at <c>/studio</c>. Default: on in Development, off elsewhere. It uses only the public GraphQL API,
    /// so turning it on grants nothing: every request is authorized by the key it carries.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The front end's preview page that the studio's "Preview" button opens, with <c>{token}</c> (the preview token,
    /// required), <c>{slug}</c> and <c>{id}</c> replaced. Default: the sample site's preview page on its dev server.
    /// </summary>
    [Required]
    public string PreviewUrl { get; set; } = "http://localhost:5173/preview?article={slug}&token={token}";

    /// <summary>
    /// Other origins the studio may load images from and upload to, such as the Blob Storage account that direct uploads
    /// PUT to and a CDN in front of media (<c>https://account.blob.core.windows.net</c>). Default none: media on this origin.
    /// </summary>
    public string[] MediaOrigins { get; set; } = [];

    /// <summary>Organisation sign-in (Entra ID through MSAL) beside API keys; off until <c>Studio:SignIn:ClientId</c> is set.</summary>
    public StudioSignInOptions SignIn { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var sample = PreviewPlaceholders.Aggregate(PreviewUrl, (url, placeholder) => url.Replace(placeholder, "x", StringComparison.Ordinal));
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("must be an absolute http or https URL.", [nameof(PreviewUrl)]);
        }
        else if (!PreviewUrl.Contains("{token}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("must contain {token}, or the preview page cannot read the draft.", [nameof(PreviewUrl)]);
        }

        if (!MediaOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.AbsolutePath == "/" && uri.Query.Length == 0))
        {
            yield return new ValidationResult("must be origins such as https://account.blob.core.windows.net (scheme, host and port only).", [nameof(MediaOrigins)]);
        }

        foreach (var result in SignIn.Validate())
        {
            yield return result;
        }
    }

    /// <summary>
    /// The page's policy: this origin's scripts and styles only, no inline ones; media also from <see cref="MediaOrigins"/>;
    /// connections also to the sign-in authority (MSAL reads its metadata and redeems the code there with fetch).
    /// </summary>
    public string ContentSecurityPolicy()
    {
        var media = string.Concat(MediaOrigins.Select(origin => " " + new Uri(origin).GetLeftPart(UriPartial.Authority)));
        var signIn = SignIn.IsEnabled ? " " + SignIn.AuthorityOrigin : string.Empty;
        return $"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'{media}{signIn}; img-src 'self' data: blob:{media}; " +
            "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }
}
