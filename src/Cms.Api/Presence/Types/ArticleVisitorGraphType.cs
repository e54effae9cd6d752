using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using GraphQL.Types;

namespace Cms.Api.Presence;

public sealed class ArticleVisitorGraphType : ObjectGraphType<ArticleVisitor>
{
    public ArticleVisitorGraphType()
    {
        Name = "ArticleVisitor";
        Description = "Someone with an article open in an editor.";
        this.Public();
        Field<NonNullGraphType<StringGraphType>>("actor").Description("Who, as version authors are shown (api-key:editor-1).").Resolve(ctx => ctx.Source.Actor);
        Field<NonNullGraphType<DateTimeGraphType>>("openedAt").Description("Since when.").Resolve(ctx => ctx.Source.OpenedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("seenAt").Description("Their latest report.").Resolve(ctx => ctx.Source.SeenAt);
    }
}
