namespace Cms.Model.Media;

/// <summary>A tag on an asset: the label the editor typed and its slug, derived as for articles.</summary>
public sealed record MediaAssetTag(string Slug, string Label)
{
    public int Position { get; init; }
}
