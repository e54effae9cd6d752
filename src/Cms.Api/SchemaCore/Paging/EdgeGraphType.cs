using GraphQL;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary><c>ThingsEdge</c>: an item with its cursor.</summary>
[DoNotRegister]
public sealed class EdgeGraphType : ObjectGraphType<ConnectionEdge>
{
    public EdgeGraphType(string prefix, Type nodeGraphType)
    {
        Name = $"{prefix}Edge";
        Description = "An item of a list and its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Where this item stands in the list: pass it as after or before to page from here.")
            .Resolve(ctx => ctx.Source.Cursor);
        Field("node", typeof(NonNullGraphType<>).MakeGenericType(nodeGraphType))
            .Description("The item.")
            .Resolve(ctx => ctx.Source.Node);
    }
}
