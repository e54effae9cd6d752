using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ArticleVersionSummaryGraphType : ObjectGraphType<VersionHistoryEntry>
{
    public const string TypeName = "ArticleVersionSummary";

    public ArticleVersionSummaryGraphType()
    {
        Name = TypeName;
        Description = "One line of an article's history.";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(ArticleVersionGraphType.TypeName, ctx.Source.Version.Id));
        Field<NonNullGraphType<IntGraphType>>("number").Resolve(ctx => ctx.Source.Version.Number);
        Field<NonNullGraphType<StringGraphType>>("author").Resolve(ctx => ctx.Source.Version.Author);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.Version.CreatedAt);
        Field<StringGraphType>("changeNote").Resolve(ctx => ctx.Source.Version.ChangeNote);
        Field<NonNullGraphType<BooleanGraphType>>("everPublished").Description("Whether this version was ever the published one.").Resolve(ctx => ctx.Source.EverPublished);
    }
}
