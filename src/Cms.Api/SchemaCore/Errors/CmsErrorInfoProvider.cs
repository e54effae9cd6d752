using Cms.Api.Transport;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;

namespace Cms.Api.SchemaCore;

/// <summary>
/// Gives every error one stable <c>extensions.code</c>, in the vocabulary clients of Apollo and HotChocolate
/// servers already handle (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT,
/// INTERNAL_SERVER_ERROR…), instead of codes derived from .NET exception names. The transport reads codes back
/// through GraphQL.NET's <see cref="IErrorInfoProvider"/>, so it needs nothing of this class.
/// </summary>
public sealed class CmsErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        extensions["code"] = CodeOf(executionError);

        // Facts a client can act on (such as the largest page allowed) travel next to the code.
        foreach (System.Collections.DictionaryEntry entry in executionError.Data)
        {
            if (entry.Key is string key)
            {
                extensions[key] = entry.Value;
            }
        }

        info.Extensions = extensions;
        return info;
    }

    private static string CodeOf(ExecutionError error) => error switch
    {
        ICodedError coded => coded.ErrorCode,
        SyntaxError => TransportErrors.Codes.ParseFailed,
        InvalidVariableError => ErrorCodes.BadUserInput,
        ComplexityError => TransportErrors.Codes.QueryTooComplex,
        NoIntrospectionError => TransportErrors.Codes.IntrospectionDisabled,
        ValidationError => ValidationFailed,
        UnhandledError => TransportErrors.Codes.InternalServerError,
        { Code: { Length: > 0 } code } => code,
        _ => TransportErrors.Codes.InternalServerError,
    };
}
