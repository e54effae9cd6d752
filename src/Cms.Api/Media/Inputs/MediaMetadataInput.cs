using Cms.Model.Media;

namespace Cms.Api.Media;

/// <summary>The metadata an editor gives an asset, shared by upload, completion and update.</summary>
public abstract record MediaMetadataInput
{
    public string? AltText { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    public string? License { get; init; }

    public FocalPointInput? FocalPoint { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public MediaMetadata ToMetadata() => new(AltText, Caption, Credit, License, FocalPoint?.ToFocalPoint(), Tags);
}
