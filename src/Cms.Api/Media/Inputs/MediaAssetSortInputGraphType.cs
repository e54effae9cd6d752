using Cms.Api.SchemaCore;
using Cms.Model.Media;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed class MediaAssetSortInputGraphType : InputObjectGraphType<object>
{
    public MediaAssetSortInputGraphType()
    {
        Name = "MediaAssetSortInput";
        Description = "One field: createdAt (newest first by default) or fileName; ties are broken by id.";
        Field<SortEnumGraphType>("createdAt");
        Field<SortEnumGraphType>("fileName");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Where(e => e.Value is SortDirection).Select(e => new MediaAssetSort(
            e.Key == "fileName" ? MediaAssetSortField.FileName : MediaAssetSortField.CreatedAt, (SortDirection)e.Value! == SortDirection.Descending)).ToList();
    }
}
