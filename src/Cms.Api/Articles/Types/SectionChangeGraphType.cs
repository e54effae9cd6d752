using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class SectionChangeGraphType : ObjectGraphType<SectionChange>
{
    public SectionChangeGraphType()
    {
        Name = "SectionChange";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<BooleanGraphType>>("added").Resolve(ctx => ctx.Source.Added);
        Field<NonNullGraphType<BooleanGraphType>>("removed").Resolve(ctx => ctx.Source.Removed);
        Field<NonNullGraphType<BooleanGraphType>>("moved").Description("Its place among the sections both versions share changed.").Resolve(ctx => ctx.Source.Moved);
        Field<IntGraphType>("oldPosition").Resolve(ctx => ctx.Source.OldPosition);
        Field<IntGraphType>("newPosition").Resolve(ctx => ctx.Source.NewPosition);
        Field<StringGraphType>("oldHeading").Resolve(ctx => ctx.Source.OldHeading);
        Field<StringGraphType>("newHeading").Resolve(ctx => ctx.Source.NewHeading);
        Field<NonNullGraphType<BooleanGraphType>>("bodyChanged").Resolve(ctx => ctx.Source.BodyChanged);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiffSegmentGraphType>>>>("bodyDiff").Description("Word-level diff of the Markdown body; empty when the body is unchanged.").Resolve(ctx => ctx.Source.BodyDiff);
    }
}
