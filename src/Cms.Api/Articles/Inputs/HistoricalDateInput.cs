using Cms.Model.Dates;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record HistoricalDateInput(DatePointInput Start, DatePointInput? End, DatePrecision Precision, string? Label)
{
    public HistoricalDate ToHistoricalDate() => new(Start.ToDatePoint(), End?.ToDatePoint(), Precision, Label);
}

public sealed class HistoricalDateInputGraphType : InputObjectGraphType<HistoricalDateInput>
{
    public HistoricalDateInputGraphType()
    {
        Name = "HistoricalDateInput";
        Field<NonNullGraphType<DatePointInputGraphType>>("start");
        Field<DatePointInputGraphType>("end");
        Field<NonNullGraphType<DatePrecisionGraphType>>("precision");
        Field<StringGraphType>("label").Description("Wording to show instead of the generated one, such as \"Late October 1944\".");
    }
}
