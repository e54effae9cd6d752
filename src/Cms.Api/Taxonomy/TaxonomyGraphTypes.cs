using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using GraphQL.Types;

namespace Cms.Api.Taxonomy;

/// <summary>A tag with the number of published articles that carry it.</summary>
public sealed class TagSummaryGraphType : ObjectGraphType<TagSummary>
{
    public TagSummaryGraphType()
    {
        Name = "TagSummary";
        this.Public();
        Description = "A tag that published articles carry, for tag pages and tag clouds.";
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Filter articles by it: articles(where: { tags: { some: { slug: { eq: ... } } } }).").Resolve(ctx => ctx.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The label the tag was first given.").Resolve(ctx => ctx.Source.Label);
        Field<NonNullGraphType<IntGraphType>>("articleCount").Description("How many published articles carry it.").Resolve(ctx => ctx.Source.ArticleCount);
    }
}

/// <summary>A place with the number of published articles that name it.</summary>
public sealed class PlaceSummaryGraphType : ObjectGraphType<PlaceSummary>
{
    public PlaceSummaryGraphType()
    {
        Name = "PlaceSummary";
        this.Public();
        Description = "A place that published articles name (one per name and country), for maps and place pages.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<StringGraphType>("country").Resolve(ctx => ctx.Source.Country.Length == 0 ? null : ctx.Source.Country);
        Field<FloatGraphType>("latitude").Description("The mean of the latitudes the articles give; null when none gives one.").Resolve(ctx => ctx.Source.Latitude);
        Field<FloatGraphType>("longitude").Description("The mean of the longitudes the articles give; null when none gives one.").Resolve(ctx => ctx.Source.Longitude);
        Field<NonNullGraphType<IntGraphType>>("articleCount").Description("How many published articles name it.").Resolve(ctx => ctx.Source.ArticleCount);
    }
}

/// <summary>The order of a tag or place list, as HotChocolate's sort inputs read: one field, ASC or DESC.</summary>
public sealed record TaxonomySort(TaxonomyOrder Order, bool Descending);

/// <summary><c>TagSortInput</c>: by slug or by use.</summary>
public sealed class TagSortInputGraphType() : TaxonomySortInputGraphType("TagSortInput", "slug", "Order tags by slug or by how many published articles carry them; ties are broken by slug.");

/// <summary><c>PlaceSortInput</c>: by name or by use.</summary>
public sealed class PlaceSortInputGraphType() : TaxonomySortInputGraphType("PlaceSortInput", "name", "Order places by name (then country) or by how many published articles name them; ties are broken by name and country.");

/// <summary>A taxonomy list's sort input: its key field or <c>articleCount</c>.</summary>
public abstract class TaxonomySortInputGraphType : InputObjectGraphType<object>
{
    private readonly string _keyField;

    protected TaxonomySortInputGraphType(string name, string keyField, string description)
    {
        Name = name;
        Description = description;
        _keyField = keyField;
        Field<SortEnumGraphType>(keyField);
        Field<SortEnumGraphType>("articleCount");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Where(v => v.Value is SortDirection)
            .Select(v => new TaxonomySort(v.Key == _keyField ? TaxonomyOrder.ByKey : TaxonomyOrder.MostUsed, (SortDirection)v.Value! == SortDirection.Descending))
            .ToList();
    }
}
