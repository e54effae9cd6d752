using System.Globalization;
using System.Text;
using Cms.Model.Articles;

namespace Cms.Api.Media;

/// <summary>A rendition as a URL's query string asks for it: <c>w h fit fm q fx fy</c>. Null width and height mean the original size.</summary>
public sealed record RenditionRequest(int? Width, int? Height, MediaFit Fit, MediaFormat Format, int? Quality, FocalPoint? Focal)
{
    public static readonly string[] QueryKeys = ["w", "h", "fit", "fm", "q", "fx", "fy"];

    public bool IsOriginal => Width is null && Height is null && Format == MediaFormat.Original && Quality is null;

    public string ToQuery()
    {
        var query = new StringBuilder();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(value);
            }
        }

        Add("w", Width?.ToString(CultureInfo.InvariantCulture));
        Add("h", Height?.ToString(CultureInfo.InvariantCulture));
        Add("fit", Width is null && Height is null ? null : Fit.ToString().ToLowerInvariant());
        Add("fm", Format == MediaFormat.Original ? null : Format.ToString().ToLowerInvariant());
        Add("q", Quality?.ToString(CultureInfo.InvariantCulture));
        Add("fx", Focal?.X.ToString("0.###", CultureInfo.InvariantCulture));
        Add("fy", Focal?.Y.ToString("0.###", CultureInfo.InvariantCulture));
        return query.ToString();
    }
}
