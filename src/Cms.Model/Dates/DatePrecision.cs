namespace Cms.Model.Dates;

/// <summary>How precisely a historical date is known. The order runs from finest to coarsest.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
    Decade,
    Century,
}
