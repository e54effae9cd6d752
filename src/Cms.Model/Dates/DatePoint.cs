using System.Globalization;

namespace Cms.Model.Dates;

/// <summary>
/// One end of a historical date as historians write it: a year that is never zero (negative years are BCE,
/// so -490 is 490 BCE), and a month and a day when the precision asks for them.
/// </summary>
public readonly record struct DatePoint(int Year, int? Month = null, int? Day = null)
{
    public const int MinYear = -9999;
    public const int MaxYear = 9999;

    public bool IsBce => Year < 0;

    /// <summary>
    /// The year on the astronomical scale, which has a year zero (1 BCE is 0, 2 BCE is -1), so that
    /// subtracting and comparing years works across the era boundary.
    /// </summary>
    public int AstronomicalYear => Year < 0 ? Year + 1 : Year;

    /// <summary>The ISO 8601 (extended, astronomical) form, such as "-0489-09-12" for 12 September 490 BCE.</summary>
    public string ToIsoString()
    {
        var year = AstronomicalYear;
        var text = (year < 0 ? "-" : string.Empty) + Math.Abs(year).ToString("0000", CultureInfo.InvariantCulture);
        if (Month is { } month)
        {
            text += "-" + month.ToString("00", CultureInfo.InvariantCulture);
            if (Day is { } day)
            {
                text += "-" + day.ToString("00", CultureInfo.InvariantCulture);
            }
        }

        return text;
    }

    internal static int DaysInMonth(int astronomicalYear, int month) => month switch
    {
        2 => IsLeapYear(astronomicalYear) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    // Proleptic Gregorian rules on the astronomical year; C#'s remainder keeps the sign, so zero tests hold for negative years too.
    private static bool IsLeapYear(int astronomicalYear) =>
        astronomicalYear % 4 == 0 && (astronomicalYear % 100 != 0 || astronomicalYear % 400 == 0);
}
