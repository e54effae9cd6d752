namespace Cms.Model.Outcomes;

/// <summary>The machine-readable kinds of validation problem; clients switch on these, so they never change meaning.</summary>
public static class ValidationCodes
{
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string TooMany = "TOO_MANY";
    public const string InvalidFormat = "INVALID_FORMAT";
    public const string InvalidValue = "INVALID_VALUE";
    public const string OutOfRange = "OUT_OF_RANGE";
    public const string Duplicate = "DUPLICATE";
}
