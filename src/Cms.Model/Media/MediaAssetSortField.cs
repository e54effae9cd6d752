namespace Cms.Model.Media;

public enum MediaAssetSortField
{
    CreatedAt,
    FileName,
}
