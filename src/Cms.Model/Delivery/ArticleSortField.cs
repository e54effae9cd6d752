using Cms.Model.Articles;
using Cms.Model.Dates;

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
