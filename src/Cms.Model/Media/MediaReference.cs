namespace Cms.Model.Media;

/// <summary>
/// A use of a media asset in one version of an article. The asset (file, alt text, credit) lives on its own
/// and can be shared; the caption override applies to this use only.
/// </summary>
public sealed record MediaReference(Guid AssetId, MediaRole Role, string? CaptionOverride = null)
{
    public const int MaxCaptionLength = 500;

    public int Position { get; init; }
}
