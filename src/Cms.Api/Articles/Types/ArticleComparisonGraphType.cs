using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class ArticleComparisonGraphType : ObjectGraphType<ArticleComparison>
{
    public ArticleComparisonGraphType()
    {
        Name = "ArticleComparison";
        Description = "What changed between two versions, field by field; unchanged things are left out.";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<IntGraphType>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<IntGraphType>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldChangeGraphType>>>>("fields").Description("Changed scalar fields: title, summary, historicalDate.").Resolve(ctx => ctx.Source.Fields);
        Field<NonNullGraphType<ListChangeGraphType>>("keyFacts").Resolve(ctx => ctx.Source.KeyFacts);
        Field<NonNullGraphType<ListChangeGraphType>>("tags").Resolve(ctx => ctx.Source.Tags);
        Field<NonNullGraphType<ListChangeGraphType>>("places").Resolve(ctx => ctx.Source.Places);
        Field<NonNullGraphType<ListChangeGraphType>>("sources").Resolve(ctx => ctx.Source.Sources);
        Field<NonNullGraphType<ListChangeGraphType>>("media").Resolve(ctx => ctx.Source.Media);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionChangeGraphType>>>>("sections").Description("Sections added, removed, moved or changed, matched by key.").Resolve(ctx => ctx.Source.Sections);
    }
}
