using Cms.Model.Dates;

namespace Cms.Model.Delivery;

/// <summary>The period a date operand names: a year alone is that whole year, a month that whole month, a day itself.</summary>
public static class DatePeriod
{
    public static (long First, long Last) Of(DatePoint point)
    {
        var date = Covering(point);
        return (date.SortKey, date.EndKey);
    }

    public static string? Problem(DatePoint point) =>
        Covering(point).Validate("date") is [var first, ..] ? first.Message : null;

    private static HistoricalDate Covering(DatePoint point) => new(
        point,
        null,
        point.Day is not null ? DatePrecision.Day : point.Month is not null ? DatePrecision.Month : DatePrecision.Year);
}
