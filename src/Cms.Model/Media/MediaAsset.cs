using Cms.Model.Articles;
using Cms.Model.Taxonomy;

namespace Cms.Model.Media;

/// <summary>
/// A stored file with its metadata. The bytes never change: metadata edits leave them alone and new bytes make a new
/// asset. Two assets with identical bytes may share one stored object (<see cref="StorageKey"/>), each keeping its own
/// metadata.
/// </summary>
public sealed class MediaAsset
{
    public const int MaxAltTextLength = 1_000;
    public const int MaxCaptionLength = 1_000;
    public const int MaxCreditLength = 300;
    public const int MaxLicenseLength = 300;
    public const int MaxTags = 30;

    private readonly List<MediaAssetTag> _tags = [];

    private MediaAsset()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The client's file name, made safe (<see cref="MediaInspection.SafeFileName"/>).</summary>
    public string FileName { get; private set; } = string.Empty;

    /// <summary>The content type the bytes were found to be, never the one a client claimed.</summary>
    public string ContentType { get; private set; } = string.Empty;

    public MediaKind Kind { get; private set; }

    public long ByteSize { get; private set; }

    /// <summary>SHA-256 of the bytes, lowercase hex: the ETag, and how identical uploads find each other.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>Where the bytes are in the media store.</summary>
    public string StorageKey { get; private set; } = string.Empty;

    public int? Width { get; private set; }

    public int? Height { get; private set; }

    public string? AltText { get; private set; }

    public string? Caption { get; private set; }

    public string? Credit { get; private set; }

    public string? License { get; private set; }

    public FocalPoint? FocalPoint => Articles.FocalPoint.From(FocalX, FocalY);

    public IReadOnlyList<MediaAssetTag> Tags => _tags;

    public DateTime CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    /// <summary>Counts metadata edits; the concurrency token, so two editors' edits cannot overwrite each other unseen.</summary>
    public int Revision { get; private set; }

    public bool IsImage => MediaInspection.IsImage(Kind);

    internal double? FocalX { get; private set; }

    internal double? FocalY { get; private set; }

    internal static MediaAsset Create(StoredFile file, MediaMetadata metadata, string actor, DateTime now)
    {
        var asset = new MediaAsset
        {
            Id = Guid.CreateVersion7(now),
            FileName = file.FileName,
            ContentType = file.ContentType,
            Kind = file.Kind,
            ByteSize = file.ByteSize,
            Sha256 = file.Sha256,
            StorageKey = file.StorageKey,
            Width = file.Size?.Width,
            Height = file.Size?.Height,
            CreatedAt = now,
            CreatedBy = actor,
            Revision = 1,
        };
        asset.Apply(metadata, actor, now);
        return asset;
    }

    /// <summary>Replaces the metadata given (null leaves a field as it is; an empty string clears it).</summary>
    internal void Apply(MediaMetadata metadata, string actor, DateTime now)
    {
        AltText = Replace(AltText, metadata.AltText);
        Caption = Replace(Caption, metadata.Caption);
        Credit = Replace(Credit, metadata.Credit);
        License = Replace(License, metadata.License);
        if (metadata.FocalPoint is { } focal)
        {
            (FocalX, FocalY) = (focal.X, focal.Y);
        }

        if (metadata.Tags is { } labels)
        {
            _tags.Clear();
            _tags.AddRange(labels.Select((label, i) => Tag.FromLabel(label)).Select((tag, i) => new MediaAssetTag(tag.Slug, tag.Label) { Position = i }));
        }

        UpdatedAt = now;
        UpdatedBy = actor;
    }

    internal void NextRevision() => Revision++;

    /// <summary>This asset as one use shows it: the use's caption and focal point where it overrides them. Not tracked.</summary>
    public MediaAsset AsUsedBy(MediaReference use)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (use.CaptionOverride is null && use.FocalPointOverride is null)
        {
            return this;
        }

        var copy = (MediaAsset)MemberwiseClone();
        copy.Caption = use.CaptionOverride ?? Caption;
        (copy.FocalX, copy.FocalY) = use.FocalPointOverride is { } focal ? (focal.X, focal.Y) : (FocalX, FocalY);
        return copy;
    }

    private static string? Replace(string? current, string? given) => given is null ? current : given.Trim().Length == 0 ? null : given.Trim();
}
