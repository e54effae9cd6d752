using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Delivery;
using Cms.Model.Media;
using Cms.Model.Querying;
using Cms.Model.Taxonomy;
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
