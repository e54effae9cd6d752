using Cms.Model.Dates;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed record DatePointInput(int Year, int? Month, int? Day)
{
    public DatePoint ToDatePoint() => new(Year, Month, Day);
}

public sealed class DatePointInputGraphType : InputObjectGraphType<DatePointInput>
{
    public DatePointInputGraphType()
    {
        Name = "DatePointInput";
        Field<NonNullGraphType<IntGraphType>>("year").Description("Never 0; negative for BCE (-490 is 490 BCE).");
        Field<IntGraphType>("month");
        Field<IntGraphType>("day");
    }
}
