using Cms.Model.Querying;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>HotChocolate's list filter (<c>ListFilterInputTypeOf…</c>: <c>all none some any</c>), bound to <see cref="ListFilter{TElement}"/>.</summary>
public abstract class ListFilterInputGraphType<TElementGraph, TElement> : InputObjectGraphType<ListFilter<TElement>>
    where TElementGraph : IInputObjectGraphType
    where TElement : class
{
    protected ListFilterInputGraphType(string elementInputName, string plural)
    {
        Name = $"ListFilterInputTypeOf{elementInputName}";
        Description = $"Conditions on the {plural}: some, all or none match, or there is any at all.";
        Field<TElementGraph>("all");
        Field<TElementGraph>("none");
        Field<TElementGraph>("some");
        Field<BooleanGraphType>("any");
    }
}
