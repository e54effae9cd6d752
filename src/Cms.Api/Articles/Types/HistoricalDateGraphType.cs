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
