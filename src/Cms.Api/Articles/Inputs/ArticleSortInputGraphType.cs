using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>HotChocolate's sort input for articles (<c>order:</c>): each object's fields are steps, in the order written.</summary>
public sealed class ArticleSortInputGraphType : InputObjectGraphType<object>
{
    private static readonly Dictionary<string, ArticleSortField> SortFields = new(StringComparer.Ordinal)
    {
        ["slug"] = ArticleSortField.Slug,
        ["title"] = ArticleSortField.Title,
        ["historicalDate"] = ArticleSortField.HistoricalDate,
        ["publishedAt"] = ArticleSortField.PublishedAt,
        ["updatedAt"] = ArticleSortField.UpdatedAt,
    };

    public ArticleSortInputGraphType()
    {
        Name = "ArticleSortInput";
        Description = "Order by these fields, in the order written; ties are broken by slug.";
        foreach (var name in SortFields.Keys)
        {
            Field<SortEnumGraphType>(name);
        }
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Where(v => v.Value is SortDirection)
            .Select(v => new ArticleSort(SortFields[v.Key], (SortDirection)v.Value! == SortDirection.Descending))
            .ToList();
    }
}
