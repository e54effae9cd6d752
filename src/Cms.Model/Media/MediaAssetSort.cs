namespace Cms.Model.Media;

public sealed record MediaAssetSort(MediaAssetSortField Field, bool Descending);
