using Cms.Model.Querying;

namespace Cms.Model.Delivery;

/// <summary>One ordering step.</summary>
public sealed record ArticleSort(ArticleSortField Field, bool Descending) : IQueryCost
{
    public int QueryCost() => FilterCost.Operation;
}
