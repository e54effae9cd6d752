using Cms.Api.SchemaCore;
using Cms.Model.Media;
using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed record MediaAssetPayload(MediaAsset? MediaAsset, IReadOnlyList<EditError> Errors);

public sealed class MediaAssetPayloadGraphType : ObjectGraphType<MediaAssetPayload>
{
    public MediaAssetPayloadGraphType()
    {
        Name = "MediaAssetPayload";
        this.Public();
        Field<MediaAssetGraphType>("mediaAsset").Resolve(ctx => ctx.Source.MediaAsset);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaErrorUnion>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
