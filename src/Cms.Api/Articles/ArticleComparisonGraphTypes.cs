using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using Cms.Model.Editing;
using Cms.Model.Security;
using GraphQL;
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

public sealed class FieldChangeGraphType : ObjectGraphType<FieldChange>
{
    public FieldChangeGraphType()
    {
        Name = "FieldChange";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<StringGraphType>>("field").Resolve(ctx => ctx.Source.Field);
        Field<StringGraphType>("oldValue").Resolve(ctx => ctx.Source.OldValue);
        Field<StringGraphType>("newValue").Resolve(ctx => ctx.Source.NewValue);
    }
}

public sealed class ListChangeGraphType : ObjectGraphType<ListChange>
{
    public ListChangeGraphType()
    {
        Name = "ListChange";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("added").Resolve(ctx => ctx.Source.Added);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("removed").Resolve(ctx => ctx.Source.Removed);
    }
}

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

public sealed class DiffSegmentGraphType : ObjectGraphType<DiffSegment>
{
    public DiffSegmentGraphType()
    {
        Name = "DiffSegment";
        this.RequireRole(Role.Viewer);
        Field<NonNullGraphType<DiffKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(ctx => ctx.Source.Text);
    }
}

public sealed class DiffKindGraphType : EnumerationGraphType<DiffKind>
{
    public DiffKindGraphType()
    {
        Name = "DiffKind";
    }
}

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
            .ResolveAsync(async ctx =>
            {
                var id = ArticleIds.TryParse(ctx.GetArgument<string>("id"));
                return id is null ? null : await ctx.RequestServices!.GetRequiredService<ArticleHistory>()
                    .CompareAsync(id.Value, ctx.GetArgument<int>("from"), ctx.GetArgument<int>("to"), ctx.CancellationToken);
            });
    }
}
