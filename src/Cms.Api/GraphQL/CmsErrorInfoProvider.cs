using Cms.Api.Transport;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;

namespace Cms.Api.GraphQL;

/// <summary>
/// Gives every error one stable <c>extensions.code</c>, in the vocabulary clients of Apollo and HotChocolate
/// servers already handle (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT,
/// INTERNAL_SERVER_ERROR…), instead of codes derived from .NET exception names.
/// </summary>
public sealed class CmsErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        extensions["code"] = CodeOf(executionError);
        info.Extensions = extensions;
        return info;
    }

    public static string CodeOf(ExecutionError error) => error switch
    {
        ICodedError coded => coded.ErrorCode,
        SyntaxError => ParseFailed,
        InvalidVariableError => ErrorCodes.BadUserInput,
        ComplexityError => TransportErrors.Codes.QueryTooComplex,
        NoIntrospectionError => IntrospectionDisabled,
        ValidationError => ValidationFailed,
        UnhandledError => InternalServerError,
        { Code: { Length: > 0 } code } => code,
        _ => InternalServerError,
    };
}
