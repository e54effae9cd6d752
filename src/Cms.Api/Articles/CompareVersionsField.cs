using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Security;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Articles;

internal static class CompareVersionsField
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ArticleComparisonGraphType>("compareArticleVersions")
            .Description("A field-level comparison of two versions of an article (null when either does not exist). Needs the viewer role.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<IntGraphType>>("from")
            .Argument<NonNullGraphType<IntGraphType>>("to")
            .RequireRole(Role.Viewer)
            .Resolve()
            .WithService<ArticleHistory>()
            .ResolveAsync(async (ctx, history) =>
            {
                var id = ArticleIds.TryParse(ctx.GetArgument<string>("id"));
                return id is null ? null : await history
                    .CompareAsync(id.Value, ctx.GetArgument<int>("from"), ctx.GetArgument<int>("to"), ctx.CancellationToken);
            });
    }
}
