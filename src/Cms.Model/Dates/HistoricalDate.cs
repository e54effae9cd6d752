using System.Globalization;
using Cms.Model.Outcomes;

namespace Cms.Model.Dates;

/// <summary>
/// When an event happened: a start, an optional end, one precision for both, and an optional label that
/// replaces the generated wording (for example "Late October 1944").
/// </summary>
/// <remarks>
/// .NET's DateOnly stops at year 1, so dates are kept as <see cref="DatePoint"/>s and ordered by
/// <see cref="SortKey"/>, an integer that compares correctly across the BCE/CE boundary and that both
/// database providers index and compare natively.
/// </remarks>
public sealed record HistoricalDate(DatePoint Start, DatePoint? End, DatePrecision Precision, string? Label = null)
{
    public const int MaxLabelLength = 100;

    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    public static HistoricalDate OnDay(int year, int month, int day) => new(new DatePoint(year, month, day), null, DatePrecision.Day);

    public static HistoricalDate InMonth(int year, int month) => new(new DatePoint(year, month), null, DatePrecision.Month);

    public static HistoricalDate InYear(int year) => new(new DatePoint(year), null, DatePrecision.Year);

    /// <summary>
    /// The first day the date can mean, as a sortable integer: astronomical year × 10,000 + month × 100 + day.
    /// 12 September 490 BCE is -4,889,088; 1 January 1 CE is 10,101.
    /// </summary>
    public long SortKey => KeyOf(EarliestDay(Start));

    /// <summary>The last day the date can mean, as a sortable integer in the same scale as <see cref="SortKey"/>.</summary>
    public long EndKey => KeyOf(LatestDay(End ?? Start));

    /// <summary>The wording a reader sees: the label when there is one, otherwise a phrase built from the precision.</summary>
    public string Display
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Label))
            {
                return Label;
            }

            if (End is not { } end)
            {
                return Describe(Start, showEra: Start.IsBce);
            }

            // Name the era on both ends when the range crosses it, otherwise once at the end.
            var crossesEra = Start.IsBce != end.IsBce;
            return $"{Describe(Start, showEra: crossesEra)} – {Describe(end, showEra: end.IsBce || crossesEra)}";
        }
    }

    /// <summary>Every problem with this date, each with the field it concerns (relative to <paramref name="path"/>).</summary>
    public IReadOnlyList<ValidationProblem> Validate(string path)
    {
        var problems = new List<ValidationProblem>();
        ValidatePoint(Start, $"{path}.start", problems);
        if (End is { } end)
        {
            ValidatePoint(end, $"{path}.end", problems);
            if (problems.Count == 0 && KeyOf(EarliestDay(end)) < KeyOf(EarliestDay(Start)))
            {
                problems.Add(new ValidationProblem($"{path}.end", ValidationCodes.OutOfRange, "The end of a date cannot come before its start."));
            }
        }

        if (Label is { Length: > MaxLabelLength })
        {
            problems.Add(ValidationProblem.TooLong($"{path}.label", MaxLabelLength));
        }

        return problems;
    }

    private void ValidatePoint(DatePoint point, string path, List<ValidationProblem> problems)
    {
        if (point.Year == 0)
        {
            problems.Add(new ValidationProblem($"{path}.year", ValidationCodes.OutOfRange, "There is no year zero: 1 BCE is followed by 1 CE. Use a negative year for BCE."));
            return;
        }

        if (point.Year is < DatePoint.MinYear or > DatePoint.MaxYear)
        {
            problems.Add(new ValidationProblem($"{path}.year", ValidationCodes.OutOfRange, $"The year must be between {DatePoint.MinYear} and {DatePoint.MaxYear}."));
            return;
        }

        var needsMonth = Precision is DatePrecision.Day or DatePrecision.Month;
        var needsDay = Precision is DatePrecision.Day;
        if (needsMonth && point.Month is null)
        {
            problems.Add(ValidationProblem.Required($"{path}.month", $"A date with {Precision.ToString().ToLowerInvariant()} precision needs a month."));
        }
        else if (!needsMonth && point.Month is not null)
        {
            problems.Add(new ValidationProblem($"{path}.month", ValidationCodes.InvalidValue, $"A date with {Precision.ToString().ToLowerInvariant()} precision has no month."));
        }
        else if (point.Month is < 1 or > 12)
        {
            problems.Add(new ValidationProblem($"{path}.month", ValidationCodes.OutOfRange, "The month must be between 1 and 12."));
            return;
        }

        if (needsDay && point.Day is null)
        {
            problems.Add(ValidationProblem.Required($"{path}.day", "A date with day precision needs a day."));
        }
        else if (!needsDay && point.Day is not null)
        {
            problems.Add(new ValidationProblem($"{path}.day", ValidationCodes.InvalidValue, $"A date with {Precision.ToString().ToLowerInvariant()} precision has no day."));
        }
        else if (point is { Day: { } day, Month: { } month } && (day < 1 || day > DatePoint.DaysInMonth(point.AstronomicalYear, month)))
        {
            problems.Add(new ValidationProblem($"{path}.day", ValidationCodes.OutOfRange, $"{MonthNames[month - 1]} {FormatYear(point.Year, true)} has no day {day}."));
        }

        if (Precision is DatePrecision.Decade && point.Year % 10 != 0)
        {
            problems.Add(new ValidationProblem($"{path}.year", ValidationCodes.InvalidValue, "A decade is given by its named year, such as 1940 for the 1940s or -480 for the 480s BCE."));
        }
    }

    private (int AstronomicalYear, int Month, int Day) EarliestDay(DatePoint point)
    {
        var (first, _) = YearSpan(point);
        return Precision switch
        {
            DatePrecision.Day => (first, point.Month ?? 1, point.Day ?? 1),
            DatePrecision.Month => (first, point.Month ?? 1, 1),
            _ => (first, 1, 1),
        };
    }

    private (int AstronomicalYear, int Month, int Day) LatestDay(DatePoint point)
    {
        var (_, last) = YearSpan(point);
        return Precision switch
        {
            DatePrecision.Day => (last, point.Month ?? 12, point.Day ?? 31),
            DatePrecision.Month => (last, point.Month ?? 12, point.Month is { } m and >= 1 and <= 12 ? DatePoint.DaysInMonth(last, m) : 31),
            _ => (last, 12, 31),
        };
    }

    /// <summary>The first and last astronomical years that a point covers at this precision.</summary>
    private (int First, int Last) YearSpan(DatePoint point)
    {
        var year = point.Year;
        switch (Precision)
        {
            case DatePrecision.Decade when year > 0:
                return (year, year + 9);
            case DatePrecision.Decade:
                // The 480s BCE run from 489 BCE to 480 BCE.
                return (year - 9 + 1, year + 1);
            case DatePrecision.Century when year > 0:
                var century = ((year - 1) / 100) + 1;
                return (((century - 1) * 100) + 1, century * 100);
            case DatePrecision.Century:
                // The 5th century BCE runs from 500 BCE to 401 BCE.
                var bceCentury = ((-year - 1) / 100) + 1;
                return ((-bceCentury * 100) + 1, -(bceCentury - 1) * 100);
            default:
                return (point.AstronomicalYear, point.AstronomicalYear);
        }
    }

    private static long KeyOf((int AstronomicalYear, int Month, int Day) day) =>
        (day.AstronomicalYear * 10_000L) + (day.Month * 100L) + day.Day;

    private string Describe(DatePoint point, bool showEra)
    {
        var year = FormatYear(point.Year, showEra);
        return Precision switch
        {
            DatePrecision.Day when point is { Month: { } m and >= 1 and <= 12, Day: { } d } => $"{d} {MonthNames[m - 1]} {year}",
            DatePrecision.Month when point is { Month: { } m and >= 1 and <= 12 } => $"{MonthNames[m - 1]} {year}",
            DatePrecision.Decade => $"{Math.Abs(point.Year)}s" + (showEra && point.IsBce ? " BCE" : string.Empty),
            DatePrecision.Century => $"{Ordinal(((Math.Abs(point.Year) - 1) / 100) + 1)} century" + (showEra && point.IsBce ? " BCE" : showEra ? " CE" : string.Empty),
            _ => year,
        };
    }

    private static string FormatYear(int year, bool showEra) =>
        year < 0 ? $"{-year} BCE" : showEra ? $"{year} CE" : year.ToString(CultureInfo.InvariantCulture);

    private static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return $"{number}{suffix}";
    }
}
