using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using GraphQL.Types;

namespace Cms.Api.Taxonomy;

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
