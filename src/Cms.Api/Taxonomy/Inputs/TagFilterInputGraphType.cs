using Cms.Api.SchemaCore;
using Cms.Model.Querying;
using GraphQL.Types;

namespace Cms.Api.Taxonomy;

public sealed class TagFilterInputGraphType : InputObjectGraphType<TagFilter>
{
    public TagFilterInputGraphType()
    {
        Name = "TagFilterInput";
        Field<StringOperationFilterInputGraphType>("slug");
    }
}
