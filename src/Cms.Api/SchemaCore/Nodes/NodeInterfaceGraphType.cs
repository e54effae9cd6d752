using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>Relay's <c>interface Node { id: ID! }</c>; object types that implement it say so with <c>Interface&lt;NodeInterfaceGraphType&gt;()</c>.</summary>
public sealed class NodeInterfaceGraphType : InterfaceGraphType
{
    public NodeInterfaceGraphType()
    {
        Name = "Node";
        Description = "An object with a global id, which node(id:) finds again.";

        // Every id is public: what an object shows beyond it is ruled by its own type.
        this.Public();
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id: opaque, stable, unique across types.");
    }
}
