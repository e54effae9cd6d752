using Cms.Api.SchemaCore;
using Cms.Model.Taxonomy;
using GraphQL.Types;

namespace Cms.Api.Taxonomy;

public sealed class TagGraphType : ObjectGraphType<Tag>
{
    public TagGraphType()
    {
        Name = "Tag";
        this.Public();
        Description = "A tag as an article version or a media asset carries it.";
        Field<NonNullGraphType<StringGraphType>>("slug")
            .Description("Derived from the label (\"World War II\" gives \"world-war-ii\"); the same for every label that gives it. Filter and link by it.")
            .Resolve(ctx => ctx.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("label").Description("As the editor typed it.").Resolve(ctx => ctx.Source.Label);
    }
}
