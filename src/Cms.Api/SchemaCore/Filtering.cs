using Cms.Model.Delivery;
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

/// <summary>The operators of HotChocolate's comparable filters, besides <c>in</c> and <c>nin</c>.</summary>
public static class ComparisonOperators
{
    public static readonly string[] Names = ["eq", "neq", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];
}

/// <summary>The direction of one ordering step: HotChocolate's <c>SortEnumType</c>.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}

public sealed class SortEnumGraphType : EnumerationGraphType
{
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Description = "Ascending or descending.";
        Add("ASC", SortDirection.Ascending, "Smallest (earliest, first in the alphabet) first.");
        Add("DESC", SortDirection.Descending, "Largest (latest, last in the alphabet) first.");
    }
}
