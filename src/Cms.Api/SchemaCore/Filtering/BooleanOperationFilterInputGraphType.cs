using Cms.Model.Querying;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>HotChocolate's <c>BooleanOperationFilterInput</c>.</summary>
public sealed class BooleanOperationFilterInputGraphType : InputObjectGraphType<BooleanFilter>
{
    public BooleanOperationFilterInputGraphType()
    {
        Name = "BooleanOperationFilterInput";
        Field<BooleanGraphType>("eq");
        Field<BooleanGraphType>("neq");
    }
}
