namespace Cms.Model.Delivery;

/// <summary>What a list can be ordered by.</summary>
public enum ArticleSortField
{
    Slug,
    Title,
    HistoricalDate,
    PublishedAt,
    UpdatedAt,
}
