using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class SectionGraphType : ObjectGraphType<Section>
{
    public SectionGraphType()
    {
        Name = "Section";
        this.Public();
        Description = "A section of an article's body.";
        Field<NonNullGraphType<StringGraphType>>("key")
            .Description("Stays the same across versions, so versions can be compared section by section.")
            .Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("heading").Resolve(ctx => ctx.Source.Heading);
        Field<NonNullGraphType<StringGraphType>>("body").Description("Markdown, as the editor wrote it.").Resolve(ctx => ctx.Source.Body);
        Field<NonNullGraphType<StringGraphType>>("bodyHtml")
            .Description("The body as HTML that is safe to insert: no scripts, event handlers or javascript: links; external links get rel=\"noopener noreferrer\".")
            .Resolve(ctx => Model.Delivery.SafeHtml.BodyOf(ctx.Source));
        Field<NonNullGraphType<IntGraphType>>("position").Description("0-based reading order.").Resolve(ctx => ctx.Source.Position);
    }
}
