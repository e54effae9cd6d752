using Cms.Model.Querying;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>HotChocolate's <c>DateTimeOperationFilterInput</c>, bound to the domain's <see cref="ComparableFilter{T}"/>.</summary>
public sealed class DateTimeOperationFilterInputGraphType : InputObjectGraphType<ComparableFilter<DateTime>>
{
    public DateTimeOperationFilterInputGraphType()
    {
        Name = "DateTimeOperationFilterInput";
        Description = "Conditions on a moment; every condition given must hold.";
        Field<ListGraphType<NonNullGraphType<DateTimeOperationFilterInputGraphType>>>("and").Description("All of these.");
        Field<ListGraphType<NonNullGraphType<DateTimeOperationFilterInputGraphType>>>("or").Description("At least one of these.");
        foreach (var name in ComparisonOperators.Names)
        {
            Field<DateTimeGraphType>(name);
        }

        Field<ListGraphType<DateTimeGraphType>>("in");
        Field<ListGraphType<DateTimeGraphType>>("nin");
    }
}
