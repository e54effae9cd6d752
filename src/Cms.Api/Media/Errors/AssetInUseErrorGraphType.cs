using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed class AssetInUseErrorGraphType : UserErrorGraphType<AssetInUseError>
{
    public AssetInUseErrorGraphType()
        : base("AssetInUseError", "Retained article versions use the asset; it cannot be deleted while they do.") =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaUsageGraphType>>>>("articles").Resolve(ctx => ctx.Source.Articles);
}
