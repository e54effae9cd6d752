using Cms.Model.Querying;

namespace Cms.Model.Delivery;

internal static class FilterCost
{
    public const int Operation = 10;
    public const int Pattern = 20;

    public static int Of(ArticleFilter? filter) => filter is null ? 0
        : (filter.And ?? []).Concat(filter.Or ?? []).Sum(Of)
          + Of(filter.Slug) + Of(filter.Title)
          + Of(filter.Tags, t => Of(t.Slug)) + Of(filter.Places, p => Of(p.Name) + Of(p.Country))
          + Of(filter.HistoricalDate) + Of(filter.PublishedAt) + Of(filter.UpdatedAt) + Of(filter.UpdatedBy)
          + (filter.Status is { } status ? Count(status.Eq, status.Neq, status.In, status.Nin) * Operation : 0);

    private static int Of(StringFilter? filter) => filter is null ? 0
        : (filter.And ?? []).Concat(filter.Or ?? []).Sum(Of)
          + (Count(filter.Eq, filter.Neq, filter.In, filter.Nin) * Operation)
          + (Count(filter.Contains, filter.NContains, filter.StartsWith, filter.NStartsWith, filter.EndsWith, filter.NEndsWith) * Pattern);

    private static int Of<T>(ComparableFilter<T>? filter)
        where T : struct => filter is null ? 0
        : (filter.And ?? []).Concat(filter.Or ?? []).Sum(Of)
          + (Count(filter.Eq, filter.Neq, filter.In, filter.Nin, filter.Gt, filter.Ngt, filter.Gte, filter.Ngte, filter.Lt, filter.Nlt, filter.Lte, filter.Nlte) * Operation);

    private static int Of<TElement>(ListFilter<TElement>? filter, Func<TElement, int> element)
        where TElement : class => filter is null ? 0
        : new[] { filter.Some, filter.All, filter.None }.Sum(e => e is null ? 0 : Operation + element(e)) + (filter.Any is null ? 0 : Operation);

    private static int Count(params object?[] operations) => operations.Count(o => o is not null);
}
