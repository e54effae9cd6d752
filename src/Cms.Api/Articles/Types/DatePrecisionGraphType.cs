using Cms.Model.Dates;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class DatePrecisionGraphType : EnumerationGraphType<DatePrecision>
{
    public DatePrecisionGraphType()
    {
        Name = "DatePrecision";
        Description = "How precisely a historical date is known.";
    }
}
