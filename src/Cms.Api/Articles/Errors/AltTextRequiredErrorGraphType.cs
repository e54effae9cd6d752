using Cms.Api.Media;
using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class AltTextRequiredErrorGraphType : UserErrorGraphType<AltTextRequiredError>
{
    public AltTextRequiredErrorGraphType()
        : base("AltTextRequiredError", "Images the version uses have no alt text; give them alt text (updateMediaAsset), then publish.") =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("assetIds")
            .Description("The global ids of the images that lack alt text.")
            .Resolve(ctx => ctx.Source.AssetIds.Select(id => GlobalId.Encode(MediaAssetGraphType.TypeName, id)));
}
