using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Media;

public sealed class MediaUsageGraphType : ObjectGraphType<MediaUsage>
{
    public MediaUsageGraphType()
    {
        Name = "MediaUsage";
        Description = "An article that uses an asset, and the numbers of its versions that do.";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<IdGraphType>>("articleId").Description("The article's global id.").Resolve(ctx => GlobalId.Encode(NodeTypeNames.Article, ctx.Source.ArticleId));
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(ctx => ctx.Source.Slug);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("versions").Resolve(ctx => ctx.Source.VersionNumbers);
    }
}
