using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ArticleVersionGraphType : ObjectGraphType<ArticleVersion>
{
    public const string TypeName = "ArticleVersion";

    public ArticleVersionGraphType()
    {
        Name = TypeName;
        Description = "One immutable, numbered version of an article.";

        // Readers reach articles only through fields that check access (published content is public).
        this.Public();
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Global object id of this version.")
            .Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("number")
            .Description("1, 2, 3… in the order the versions were saved, with no gaps.")
            .Resolve(ctx => ctx.Source.Number);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt")
            .Description("When this version was saved (UTC).")
            .Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("author")
            .Description("Who saved this version.")
            .RequireRole(Role.Viewer)
            .Resolve(ctx => ctx.Source.Author);
        Field<StringGraphType>("changeNote")
            .Description("What the editor said this version changed.")
            .Resolve(ctx => ctx.Source.ChangeNote);
    }
}
