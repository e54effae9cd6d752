using Cms.Api.SchemaCore;
using Cms.Model.Dates;
using Cms.Model.Querying;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>
/// The comparable operators over historical dates, with <c>DatePointInput</c> operands (BCE years negative). Read by
/// hand into <see cref="ComparableFilter{T}"/> of <see cref="DatePoint"/>, as the operand's input record is not the domain's.
/// </summary>
public sealed class HistoricalDateOperationFilterInputGraphType : InputObjectGraphType<ComparableFilter<DatePoint>>
{
    public HistoricalDateOperationFilterInputGraphType()
    {
        Name = "HistoricalDateOperationFilterInput";
        Description = "Conditions on when an event happened: eq is within the period, gt after it ends, gte from its start, lt before it starts, lte up to its end.";
        Field<ListGraphType<NonNullGraphType<HistoricalDateOperationFilterInputGraphType>>>("and").Description("All of these.");
        Field<ListGraphType<NonNullGraphType<HistoricalDateOperationFilterInputGraphType>>>("or").Description("At least one of these.");
        foreach (var name in ComparisonOperators.Names)
        {
            Field<DatePointInputGraphType>(name);
        }

        Field<ListGraphType<NonNullGraphType<DatePointInputGraphType>>>("in");
        Field<ListGraphType<NonNullGraphType<DatePointInputGraphType>>>("nin");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        DatePoint? Point(string name) => value.TryGetValue(name, out var v) && v is DatePointInput input ? input.ToDatePoint() : null;
        List<DatePoint>? Points(string name) => value.TryGetValue(name, out var v) && v is IEnumerable<object?> list ? [.. list.OfType<DatePointInput>().Select(p => p.ToDatePoint())] : null;
        List<ComparableFilter<DatePoint>>? Nested(string name) => value.TryGetValue(name, out var v) && v is IEnumerable<object?> list ? [.. list.OfType<ComparableFilter<DatePoint>>()] : null;
        return new ComparableFilter<DatePoint>
        {
            And = Nested("and"),
            Or = Nested("or"),
            Eq = Point("eq"),
            Neq = Point("neq"),
            Gt = Point("gt"),
            Ngt = Point("ngt"),
            Gte = Point("gte"),
            Ngte = Point("ngte"),
            Lt = Point("lt"),
            Nlt = Point("nlt"),
            Lte = Point("lte"),
            Nlte = Point("nlte"),
            In = Points("in"),
            Nin = Points("nin"),
        };
    }
}
