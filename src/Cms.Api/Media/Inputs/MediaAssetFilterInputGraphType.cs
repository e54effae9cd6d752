using Cms.Api.SchemaCore;
using Cms.Api.Taxonomy;
using Cms.Model.Media;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed class MediaAssetFilterInputGraphType : InputObjectGraphType<MediaAssetFilter>
{
    public MediaAssetFilterInputGraphType()
    {
        Name = "MediaAssetFilterInput";
        Field<ListGraphType<NonNullGraphType<MediaAssetFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<MediaAssetFilterInputGraphType>>>("or");
        Field<StringOperationFilterInputGraphType>("fileName");
        Field<StringOperationFilterInputGraphType>("contentType");
        Field<ListFilterInputTypeOfTagFilterInputGraphType>("tags");
        Field<BooleanOperationFilterInputGraphType>("isUsed").Description("Whether any retained article version uses the asset.");
    }
}
