using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Cms.Api.Transport;

/// <summary>A mutation or subscription sent with GET: GET must be safe, so only queries may use it.</summary>
public sealed class OperationNotAllowedOverGetError : ValidationError, ICodedError
{
    public OperationNotAllowedOverGetError(ROM source, GraphQLOperationDefinition operation)
        : base(source, null, $"Only queries may be sent with GET; send this {operation.Operation.ToString().ToLowerInvariant()} with POST.", operation)
    {
        Code = TransportErrors.Codes.MethodNotAllowed;
    }

    public string ErrorCode => TransportErrors.Codes.MethodNotAllowed;

    public int? StatusCode => StatusCodes.Status405MethodNotAllowed;
}
