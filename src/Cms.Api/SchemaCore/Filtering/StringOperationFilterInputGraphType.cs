using Cms.Model.Querying;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>HotChocolate's <c>StringOperationFilterInput</c>, bound to the domain's <see cref="StringFilter"/>.</summary>
public sealed class StringOperationFilterInputGraphType : InputObjectGraphType<StringFilter>
{
    public StringOperationFilterInputGraphType()
    {
        Name = "StringOperationFilterInput";
        Description = "Conditions on a text; every condition given must hold. contains, startsWith and endsWith ignore letter case.";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("and").Description("All of these.");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("or").Description("At least one of these.");
        Field<StringGraphType>("eq");
        Field<StringGraphType>("neq");
        Field<ListGraphType<StringGraphType>>("in");
        Field<ListGraphType<StringGraphType>>("nin");
        Field<StringGraphType>("contains");
        Field<StringGraphType>("ncontains");
        Field<StringGraphType>("startsWith");
        Field<StringGraphType>("nstartsWith");
        Field<StringGraphType>("endsWith");
        Field<StringGraphType>("nendsWith");
    }
}
