using Cms.Api.SchemaCore;
using Cms.Model.Delivery;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class PlaceFilterInputGraphType : InputObjectGraphType<PlaceFilter>
{
    public PlaceFilterInputGraphType()
    {
        Name = "PlaceFilterInput";
        Field<StringOperationFilterInputGraphType>("name");
        Field<StringOperationFilterInputGraphType>("country");
    }
}
