using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using GraphQL.Types;

namespace Cms.Api.Taxonomy;

/// <summary>A tag with the number of published articles that carry it.</summary>
public sealed class TagSummaryGraphType : ObjectGraphType<TagSummary>
{
    public TagSummaryGraphType()
    {
        Name = "TagSummary";
        this.Public();
        Description = "A tag that published articles carry, for tag pages and tag clouds.";
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Filter articles by it: articles(where: { tags: { some: { slug: { eq: ... } } } }).").Resolve(ctx => ctx.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The label the tag was first given.").Resolve(ctx => ctx.Source.Label);
        Field<NonNullGraphType<IntGraphType>>("articleCount").Description("How many published articles carry it.").Resolve(ctx => ctx.Source.ArticleCount);
    }
}
