using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Media;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using Cms.Model.Taxonomy;
using GraphQL;
using GraphQL.MicrosoftDI;
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
