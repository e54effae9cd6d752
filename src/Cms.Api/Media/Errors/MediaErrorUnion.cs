using Cms.Api.SchemaCore;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed class MediaErrorUnion : UnionGraphType
{
    public MediaErrorUnion()
    {
        Name = "MediaError";
        Description = "Why a media mutation did not happen.";
        this.Public();
        Type<ValidationErrorGraphType>();
        Type<NotFoundErrorGraphType>();
        Type<VersionConflictErrorGraphType>();
        Type<AssetInUseErrorGraphType>();
    }
}
