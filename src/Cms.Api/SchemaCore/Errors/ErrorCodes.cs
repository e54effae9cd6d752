namespace Cms.Api.SchemaCore;

/// <summary>The `extensions.code` values this API adds; clients switch on them, so their meaning never changes.</summary>
public static class ErrorCodes
{
    /// <summary>An argument or variable has a value the operation cannot use (a bad cursor, a page size out of range).</summary>
    public const string BadUserInput = "BAD_USER_INPUT";
}
