using Cms.Model.Dates;

namespace Cms.Model.Tests.Dates;

public class HistoricalDateTests
{
    [Fact]
    public void Bce_dates_sort_before_ce_dates_and_further_back_sorts_earlier()
    {
        HistoricalDate[] dates =
        [
            HistoricalDate.OnDay(1989, 11, 9),
            HistoricalDate.InYear(-490),
            HistoricalDate.InYear(1),
            HistoricalDate.InYear(-1),
            new(new DatePoint(-2600), null, DatePrecision.Century),
            HistoricalDate.OnDay(-490, 9, 12),
            HistoricalDate.InYear(79),
        ];

        var ordered = dates.OrderBy(d => d.SortKey).Select(d => d.Display).ToList();

        Assert.Equal(["26th century BCE", "490 BCE", "12 September 490 BCE", "1 BCE", "1", "79", "9 November 1989"], ordered);
    }

    [Fact]
    public void There_is_no_year_zero_so_1_bce_is_directly_followed_by_1_ce()
    {
        var lastDayBce = HistoricalDate.OnDay(-1, 12, 31);
        var firstDayCe = HistoricalDate.OnDay(1, 1, 1);

        Assert.True(lastDayBce.SortKey < firstDayCe.SortKey);
        Assert.Equal("0000-12-31", lastDayBce.Start.ToIsoString());
        Assert.Equal("0001-01-01", firstDayCe.Start.ToIsoString());
        Assert.Equal(-1 * 10_000 + 10_000 + 1231, lastDayBce.SortKey);
    }

    [Fact]
    public void Coarser_precision_sorts_at_the_start_of_its_span_and_ends_at_its_end()
    {
        var year = HistoricalDate.InYear(1944);
        var month = HistoricalDate.InMonth(1944, 10);
        var day = HistoricalDate.OnDay(1944, 10, 23);
        var decade = new HistoricalDate(new DatePoint(1940), null, DatePrecision.Decade);
        var century = new HistoricalDate(new DatePoint(1944), null, DatePrecision.Century);

        Assert.Equal(19_440_101, year.SortKey);
        Assert.Equal(19_441_231, year.EndKey);
        Assert.Equal(19_441_001, month.SortKey);
        Assert.Equal(19_441_031, month.EndKey);
        Assert.Equal(19_441_023, day.SortKey);
        Assert.Equal(day.SortKey, day.EndKey);
        Assert.Equal(19_400_101, decade.SortKey);
        Assert.Equal(19_491_231, decade.EndKey);
        Assert.Equal(19_010_101, century.SortKey);
        Assert.Equal(20_001_231, century.EndKey);
    }

    [Fact]
    public void Bce_decades_and_centuries_count_down_towards_the_era_boundary()
    {
        // The 480s BCE are 489..480 BCE; the 5th century BCE is 500..401 BCE (astronomical -499..-400).
        var decade = new HistoricalDate(new DatePoint(-480), null, DatePrecision.Decade);
        var century = new HistoricalDate(new DatePoint(-490), null, DatePrecision.Century);

        Assert.Equal(-488 * 10_000L + 101, decade.SortKey);
        Assert.Equal(-479 * 10_000L + 1231, decade.EndKey);
        Assert.Equal(-499 * 10_000L + 101, century.SortKey);
        Assert.Equal(-400 * 10_000L + 1231, century.EndKey);
        Assert.Equal("480s BCE", decade.Display);
        Assert.Equal("5th century BCE", century.Display);
    }

    [Fact]
    public void A_range_sorts_by_its_start_and_ends_at_its_end()
    {
        var leyte = new HistoricalDate(new DatePoint(1944, 10, 23), new DatePoint(1944, 10, 26), DatePrecision.Day);

        Assert.Equal(19_441_023, leyte.SortKey);
        Assert.Equal(19_441_026, leyte.EndKey);
        Assert.Equal("23 October 1944 – 26 October 1944", leyte.Display);
        Assert.Empty(leyte.Validate("historicalDate"));
    }

    [Fact]
    public void A_range_across_the_era_boundary_names_both_eras()
    {
        var augustus = new HistoricalDate(new DatePoint(-27), new DatePoint(14), DatePrecision.Year);

        Assert.Equal("27 BCE – 14 CE", augustus.Display);
    }

    [Fact]
    public void A_label_replaces_the_generated_wording()
    {
        var date = new HistoricalDate(new DatePoint(1944, 10, 23), new DatePoint(1944, 10, 26), DatePrecision.Day, "Late October 1944");

        Assert.Equal("Late October 1944", date.Display);
    }

    [Theory]
    [InlineData(1, "1st century")]
    [InlineData(2, "2nd century")]
    [InlineData(3, "3rd century")]
    [InlineData(11, "11th century")]
    [InlineData(12, "12th century")]
    [InlineData(21, "21st century")]
    public void Centuries_have_english_ordinals(int century, string expected)
    {
        var date = new HistoricalDate(new DatePoint(century * 100), null, DatePrecision.Century);

        Assert.Equal(expected, date.Display);
    }

    [Theory]
    [InlineData(0, null, null, DatePrecision.Year, "historicalDate.start.year")]
    [InlineData(10_000, null, null, DatePrecision.Year, "historicalDate.start.year")]
    [InlineData(1944, null, null, DatePrecision.Month, "historicalDate.start.month")]
    [InlineData(1944, 13, null, DatePrecision.Month, "historicalDate.start.month")]
    [InlineData(1944, 10, null, DatePrecision.Day, "historicalDate.start.day")]
    [InlineData(1944, 10, null, DatePrecision.Year, "historicalDate.start.month")]
    [InlineData(1945, 2, 29, DatePrecision.Day, "historicalDate.start.day")]
    [InlineData(1944, 4, 31, DatePrecision.Day, "historicalDate.start.day")]
    [InlineData(1945, null, null, DatePrecision.Decade, "historicalDate.start.year")]
    public void Invalid_points_are_reported_on_the_field_they_concern(int year, int? month, int? day, DatePrecision precision, string field)
    {
        var date = new HistoricalDate(new DatePoint(year, month, day), null, precision);

        var problem = Assert.Single(date.Validate("historicalDate"));

        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void Leap_days_follow_the_proleptic_gregorian_calendar_in_bce_years()
    {
        // 1 BCE is astronomical year 0, divisible by 400: a leap year. 2 BCE (year -1) is not.
        Assert.Empty(HistoricalDate.OnDay(-1, 2, 29).Validate("d"));
        Assert.Single(HistoricalDate.OnDay(-2, 2, 29).Validate("d"));
        Assert.Empty(HistoricalDate.OnDay(2000, 2, 29).Validate("d"));
        Assert.Single(HistoricalDate.OnDay(1900, 2, 29).Validate("d"));
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var date = new HistoricalDate(new DatePoint(1944, 10, 26), new DatePoint(1944, 10, 23), DatePrecision.Day);

        var problem = Assert.Single(date.Validate("historicalDate"));

        Assert.Equal("historicalDate.end", problem.Field);
    }

    [Fact]
    public void Iso_strings_use_astronomical_years_to_the_given_precision()
    {
        Assert.Equal("-0489-09-12", new DatePoint(-490, 9, 12).ToIsoString());
        Assert.Equal("1944-10", new DatePoint(1944, 10).ToIsoString());
        Assert.Equal("0079", new DatePoint(79).ToIsoString());
    }
}
