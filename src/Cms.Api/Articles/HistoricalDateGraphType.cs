using Cms.Api.SchemaCore;
using Cms.Model.Dates;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class HistoricalDateGraphType : ObjectGraphType<HistoricalDate>
{
    public HistoricalDateGraphType()
    {
        Name = "HistoricalDate";
        Description = "When an event happened, to a stated precision; BCE dates have negative years.";
        this.Public();
        Field<NonNullGraphType<DatePointGraphType>>("start").Resolve(ctx => ctx.Source.Start);
        Field<DatePointGraphType>("end")
            .Description("The last day, month or year of an event that spans time; null for a single point.")
            .Resolve(ctx => ctx.Source.End);
        Field<NonNullGraphType<DatePrecisionGraphType>>("precision").Resolve(ctx => ctx.Source.Precision);
        Field<StringGraphType>("label")
            .Description("The editor's wording, such as \"Late October 1944\", when given.")
            .Resolve(ctx => ctx.Source.Label);
        Field<NonNullGraphType<StringGraphType>>("display")
            .Description("Ready-to-show wording: the label, or a phrase such as \"12 September 490 BCE\", \"1940s\" or \"5th century BCE\".")
            .Resolve(ctx => ctx.Source.Display);
    }
}

public sealed class DatePointGraphType : ObjectGraphType<DatePoint>
{
    public DatePointGraphType()
    {
        Name = "DatePoint";
        Description = "One end of a historical date.";
        this.Public();
        Field<NonNullGraphType<IntGraphType>>("year")
            .Description("The year as historians write it, never 0: negative years are BCE (-490 is 490 BCE).")
            .Resolve(ctx => ctx.Source.Year);
        Field<IntGraphType>("month").Description("1 to 12, when the precision is month or day.").Resolve(ctx => ctx.Source.Month);
        Field<IntGraphType>("day").Description("1 to 31, when the precision is day.").Resolve(ctx => ctx.Source.Day);
        Field<NonNullGraphType<BooleanGraphType>>("isBce").Resolve(ctx => ctx.Source.IsBce);
        Field<NonNullGraphType<StringGraphType>>("iso")
            .Description("ISO 8601 with astronomical years (1 BCE is 0000, 490 BCE is -0489), to the precision given.")
            .Resolve(ctx => ctx.Source.ToIsoString());
    }
}

public sealed class DatePrecisionGraphType : EnumerationGraphType<DatePrecision>
{
    public DatePrecisionGraphType()
    {
        Name = "DatePrecision";
        Description = "How precisely a historical date is known.";
    }
}
