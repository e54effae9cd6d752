namespace Cms.Model.Articles;

/// <summary>
/// A use of a media asset in one version of an article. The asset (file, alt text, credit) lives on its own
/// and can be shared; the caption and focal point overrides apply to this use only.
/// </summary>
public sealed record MediaReference(Guid AssetId, MediaRole Role, string? CaptionOverride = null)
{
    public const int MaxCaptionLength = 500;

    public int Position { get; init; }

    /// <summary>Where a crop of the image must stay centred for this use, instead of the asset's own focal point.</summary>
    public FocalPoint? FocalPointOverride
    {
        get => FocalPoint.From(FocalX, FocalY);
        init => (FocalX, FocalY) = (value?.X, value?.Y);
    }

    // Stored as two columns, read back into the point above.
    internal double? FocalX { get; init; }

    internal double? FocalY { get; init; }
}
