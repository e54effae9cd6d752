using System.Globalization;
using Cms.Model.Articles;
using Cms.Model.Media;
using Microsoft.Extensions.Options;

namespace Cms.Api.Media;

/// <summary>
/// The one place rendition parameters are checked, both when a URL is made (<c>url(width: 640)</c> snaps to a configured
/// width) and when one is requested (only what this API itself would make is accepted: configured widths, bounded heights
/// and qualities, known keys). Anything else is refused, never silently resized.
/// </summary>
public sealed class Renditions(IOptions<MediaOptions> options)
{
    // The configured widths, sorted once: every url field and file request consults them.
    private readonly IReadOnlyList<int> _widths = options.Value.Widths;

    /// <summary>Whether renditions can be made of this kind (raster images; SVG and documents are served as they are).</summary>
    public static bool CanRender(MediaKind kind) => kind is MediaKind.Jpeg or MediaKind.Png or MediaKind.Gif or MediaKind.WebP or MediaKind.Avif;

    /// <summary>The request a <c>url(…)</c> field's arguments make, or why they are refused.</summary>
    public (RenditionRequest? Request, string? Problem) FromArguments(MediaAsset asset, int? width, int? height, MediaFit? fit, MediaFormat? format, int? quality)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var settings = options.Value;
        if (width is < 1 || height is < 1 || width > settings.MaxRenditionDimension || height > settings.MaxRenditionDimension)
        {
            return (null, $"width and height must be from 1 to {settings.MaxRenditionDimension}.");
        }

        if (quality is < 1 or > 100)
        {
            return (null, "quality must be from 1 to 100.");
        }

        if (!CanRender(asset.Kind) || (width is null && height is null && format is null or MediaFormat.Original && quality is null))
        {
            return (new RenditionRequest(null, null, MediaFit.Inside, MediaFormat.Original, null, null), null);
        }

        int? snappedWidth = width is { } w ? Snap(w) : null;
        int? snappedHeight = height is { } h && width is { } requested ? Math.Max(1, (int)Math.Round(h * (double)snappedWidth!.Value / requested)) : height;
        var mode = fit ?? (width is not null && height is not null ? MediaFit.Cover : MediaFit.Inside);
        var focal = mode == MediaFit.Cover && width is not null && height is not null ? asset.FocalPoint : null;
        int? cappedHeight = snappedHeight is { } sh ? Math.Min(sh, settings.MaxRenditionDimension) : null;
        return (new RenditionRequest(snappedWidth, cappedHeight, mode, format ?? MediaFormat.Original, quality, focal), null);
    }

    /// <summary>The request a file URL's query string makes, or why it is refused.</summary>
    public (RenditionRequest? Request, string? Problem) FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var settings = options.Value;
        if (query.Keys.FirstOrDefault(k => !RenditionRequest.QueryKeys.Contains(k, StringComparer.Ordinal) && k != MediaUrlSigner.QueryKey) is { } unknown)
        {
            return (null, $"'{unknown}' is not a rendition parameter (w, h, fit, fm, q, fx, fy are).");
        }

        if (query.Any(p => p.Value.Count != 1))
        {
            return (null, "Each rendition parameter may be given once.");
        }

        int? width = null, height = null, quality = null;
        if (query.TryGetValue("w", out var w))
        {
            if (!int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !_widths.Contains(value))
            {
                return (null, $"w must be one of {string.Join(", ", _widths)}.");
            }

            width = value;
        }

        if (query.TryGetValue("h", out var h))
        {
            if (!int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > settings.MaxRenditionDimension)
            {
                return (null, $"h must be from 1 to {settings.MaxRenditionDimension}.");
            }

            height = value;
        }

        if (query.TryGetValue("q", out var q))
        {
            if (!int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 100)
            {
                return (null, "q must be from 1 to 100.");
            }

            quality = value;
        }

        var fit = MediaFit.Inside;
        if (query.TryGetValue("fit", out var fitText) && !TryParseName(fitText, out fit))
        {
            return (null, "fit must be cover, contain, fill or inside.");
        }

        var format = MediaFormat.Original;
        if (query.TryGetValue("fm", out var formatText) && (!TryParseName(formatText, out format) || format == MediaFormat.Original))
        {
            return (null, "fm must be auto, avif, webp, jpeg or png.");
        }

        FocalPoint? focal = null;
        if (query.ContainsKey("fx") || query.ContainsKey("fy"))
        {
            if (!double.TryParse(query["fx"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fx) ||
                !double.TryParse(query["fy"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fy) ||
                new FocalPoint(fx, fy) is not { IsValid: true } point || fit != MediaFit.Cover)
            {
                return (null, "fx and fy go together, with fit=cover, each from 0 to 1.");
            }

            focal = point;
        }

        if (query.TryGetValue("fit", out _) && width is null && height is null)
        {
            return (null, "fit needs w or h.");
        }

        return (new RenditionRequest(width, height, fit, format, quality, focal), null);
    }

    /// <summary>The configured widths an image of this width has renditions in: those below it, and the next one up.</summary>
    public List<int> WidthsUpTo(int? imageWidth)
    {
        var widths = _widths;
        return imageWidth is { } width ? [.. widths.Where(w => w < width), Snap(width)] : [.. widths];
    }

    /// <summary>The configured width at or above <paramref name="width"/>, or the largest.</summary>
    public int Snap(int width) => _widths.FirstOrDefault(w => w >= width, _widths[^1]);

    /// <summary>The URL of an asset's file (a rendition when <paramref name="request"/> asks for one): under the public base URL when one is set.</summary>
    public string UrlOf(MediaAsset asset, RenditionRequest? request, string? accessGrant = null)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var query = request is null or { IsOriginal: true } ? string.Empty : request.ToQuery();
        if (accessGrant is not null)
        {
            query += $"{(query.Length == 0 ? '?' : '&')}{MediaUrlSigner.QueryKey}={accessGrant}";
        }

        var path = $"/media/{asset.Id:N}/{Uri.EscapeDataString(asset.FileName)}{query}";
        return options.Value.PublicBaseUrl is { } baseUrl ? baseUrl.AbsoluteUri.TrimEnd('/') + path : path;
    }

    private static bool TryParseName<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && !int.TryParse(text, out _);
}
