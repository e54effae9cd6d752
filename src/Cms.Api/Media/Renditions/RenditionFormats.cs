using Cms.Model.Media;

namespace Cms.Api.Media;

/// <summary>Which encoding a rendition gets: the one asked for, or for AUTO the best the browser's Accept header allows.</summary>
public sealed class RenditionFormats
{
    public MediaKind Choose(MediaFormat requested, MediaKind original, string? accept) => requested switch
    {
        MediaFormat.Avif => MediaKind.Avif,
        MediaFormat.Webp => MediaKind.WebP,
        MediaFormat.Jpeg => MediaKind.Jpeg,
        MediaFormat.Png => MediaKind.Png,
        MediaFormat.Auto when Accepts(accept, "image/avif") => MediaKind.Avif,
        MediaFormat.Auto when Accepts(accept, "image/webp") => MediaKind.WebP,
        _ => original,
    };

    private static bool Accepts(string? accept, string mediaType) =>
        accept?.Split(',').Select(part => part.Split(';')).Any(part => part[0].Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase) &&
            !part.Skip(1).Any(parameter => parameter.Replace(" ", string.Empty, StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000")) == true;
}
