using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Querying;

namespace Cms.Model.Delivery;

/// <summary>
/// Which articles a list holds. Every condition given must hold; <see cref="And"/> and <see cref="Or"/> combine filters.
/// Historical dates compare as the whole period the operand names: a year alone stands for that whole year, so
/// <c>gte 1914</c> starts on 1 January 1914 and <c>lte 1918</c> ends on 31 December 1918. BCE years are negative.
/// </summary>
public sealed record ArticleFilter : IQueryCost
{
    public int QueryCost() => FilterCost.Of(this);

    public IReadOnlyList<ArticleFilter>? And { get; init; }

    public IReadOnlyList<ArticleFilter>? Or { get; init; }

    public StringFilter? Slug { get; init; }

    public StringFilter? Title { get; init; }

    public ListFilter<TagFilter>? Tags { get; init; }

    public ListFilter<PlaceFilter>? Places { get; init; }

    public ComparableFilter<DatePoint>? HistoricalDate { get; init; }

    public EnumFilter<ArticleStatus>? Status { get; init; }

    public ComparableFilter<DateTime>? PublishedAt { get; init; }

    public ComparableFilter<DateTime>? UpdatedAt { get; init; }

    /// <summary>Who last changed the article (saved a version of it, published it…), as actors are recorded.</summary>
    public StringFilter? UpdatedBy { get; init; }
}
