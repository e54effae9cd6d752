using Cms.Model.Querying;

namespace Cms.Model.Media;

/// <summary>Which assets a list holds. Every condition given must hold; <see cref="And"/> and <see cref="Or"/> combine filters.</summary>
public sealed record MediaAssetFilter
{
    public IReadOnlyList<MediaAssetFilter>? And { get; init; }

    public IReadOnlyList<MediaAssetFilter>? Or { get; init; }

    public StringFilter? FileName { get; init; }

    public StringFilter? ContentType { get; init; }

    public ListFilter<TagFilter>? Tags { get; init; }

    /// <summary>Whether any retained article version uses the asset.</summary>
    public BooleanFilter? IsUsed { get; init; }
}
