using System.ComponentModel.DataAnnotations;
using Cms.Model.Media;

namespace Cms.Api.Media;

/// <summary>How media is taken in and handed out (<c>Media</c>); where the bytes live is <see cref="MediaStoreOptions"/>.</summary>
public sealed class MediaOptions : IValidatableObject
{
    public const string SectionName = "Media";

    /// <summary>The widths renditions are made in, when <see cref="RenditionWidths"/> is not set.</summary>
    public static readonly int[] DefaultRenditionWidths = [160, 320, 480, 640, 768, 1024, 1280, 1600, 1920, 2560];

    /// <summary>
    /// The origin (or CDN) file URLs start with, such as <c>https://cdn.example.org</c>; without it URLs are relative
    /// (<c>/media/…</c>), to be read against the API's own origin.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Accept SVG and HTML uploads (served only as attachments, as they can carry scripts). Off by default.</summary>
    public bool AllowMarkup { get; set; }

    /// <summary>Images declaring more pixels than this are refused before anything decodes them.</summary>
    public long MaxPixels { get; set; } = 100_000_000;

    /// <summary>Images declaring a side longer than this are refused before anything decodes them.</summary>
    public int MaxDimension { get; set; } = 30_000;

    /// <summary>The largest file a direct upload may announce (default 5000 MiB, what one Put Blob takes). Multipart uploads are capped by <c>GraphQL:Uploads:MaxFileBytes</c>.</summary>
    public long MaxDirectUploadBytes { get; set; } = 5000L * 1024 * 1024;

    /// <summary>How long a direct upload's URL may be used, and after which an uncompleted upload is removed.</summary>
    public TimeSpan DirectUploadLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The widths renditions are made in; a requested width snaps up to the next one. Default 160 … 2560.</summary>
    public int[]? RenditionWidths { get; set; }

    /// <summary>The longest side a rendition may have.</summary>
    public int MaxRenditionDimension { get; set; } = 4096;

    /// <summary>The encoder quality (1–100) of renditions when a URL gives none.</summary>
    public int DefaultQuality { get; set; } = 75;

    /// <summary>How often the sweeper looks for stored bytes nothing uses and for expired direct uploads.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How old unused bytes must be before the sweeper removes them (an upload in flight is never that old).</summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);

    public IReadOnlyList<int> Widths => RenditionWidths is { Length: > 0 } widths ? [.. widths.Distinct().Order()] : DefaultRenditionWidths;

    public MediaPolicy Policy => new(AllowMarkup, MaxPixels, MaxDimension);

    /// <summary>What is wrong with these options, or null.</summary>
    public string? Problem() => this switch
    {
        { PublicBaseUrl: { IsAbsoluteUri: false } or { Scheme: not "https" and not "http" } } => "Media:PublicBaseUrl must be an absolute http(s) URL.",
        { MaxPixels: < 1 } or { MaxDimension: < 1 } => "Media:MaxPixels and Media:MaxDimension must be positive.",
        { MaxDirectUploadBytes: < 1 } => "Media:MaxDirectUploadBytes must be positive.",
        { DirectUploadLifetime: var lifetime } when lifetime < TimeSpan.FromMinutes(1) || lifetime > TimeSpan.FromDays(1) =>
            "Media:DirectUploadLifetime must be from 1 minute to 1 day.",
        { MaxRenditionDimension: < 16 or > 16_384 } => "Media:MaxRenditionDimension must be from 16 to 16384.",
        { DefaultQuality: < 1 or > 100 } => "Media:DefaultQuality must be from 1 to 100.",
        _ when Widths.Any(w => w < 16 || w > MaxRenditionDimension) => "Media:RenditionWidths must each be from 16 to Media:MaxRenditionDimension.",
        { SweepInterval: var interval } when interval < TimeSpan.FromSeconds(1) => "Media:SweepInterval must be at least a second.",
        { OrphanGracePeriod: var grace } when grace < TimeSpan.Zero => "Media:OrphanGracePeriod must not be negative.",
        _ => null,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Problem() is { } problem ? [new ValidationResult(problem)] : [];
}
