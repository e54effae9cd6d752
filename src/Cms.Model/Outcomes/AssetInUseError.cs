namespace Cms.Model.Outcomes;

public sealed record AssetInUseError(Guid AssetId, IReadOnlyList<MediaUsage> Articles)
    : EditError("ASSET_IN_USE", $"The asset is used by {Articles.Count} article(s) ({string.Join(", ", Articles.Select(a => a.Slug))}); remove it from every version first, or purge those articles.");
