namespace Cms.Api.Media;

/// <summary>The encoding of a rendition; <see cref="Auto"/> picks the best the request's Accept header allows.</summary>
public enum MediaFormat
{
    Original,
    Auto,
    Avif,
    Webp,
    Jpeg,
    Png,
}
