namespace Cms.Model.Media;

/// <summary>The kinds of file the CMS takes, by what their bytes say they are (never by name or by what a client claims).</summary>
public enum MediaKind
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    WebP,
    Avif,
    Pdf,
    Mp4,
    Svg,
    Html,
}
