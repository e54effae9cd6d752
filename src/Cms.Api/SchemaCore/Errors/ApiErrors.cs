using GraphQL;

namespace Cms.Api.SchemaCore;

/// <summary>Field errors of this API with their codes: the one place a resolver makes an error from bad input.</summary>
public static class ApiErrors
{
    /// <summary>An error with <see cref="ErrorCodes.BadUserInput"/>.</summary>
    public static ExecutionError BadUserInput(string message) => new(message) { Code = ErrorCodes.BadUserInput };
}
