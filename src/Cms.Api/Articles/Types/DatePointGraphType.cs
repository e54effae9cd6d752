using Cms.Api.SchemaCore;
using Cms.Model.Dates;
using GraphQL.Types;

namespace Cms.Api.Articles;

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
