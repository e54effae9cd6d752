using Cms.Api.Transport;
using Cms.Model.Security;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Cms.Api.SchemaCore;

/// <summary>UNAUTHENTICATED (401) for a caller without credentials, FORBIDDEN (403) for one whose role is too low.</summary>
public sealed class AuthorizationError : ValidationError, ICodedError
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    public AuthorizationError(ROM source, ASTNode node, string typeName, string fieldName, Role? required, Role? actual, bool isAuthenticated)
        : base(source, null, Describe(typeName, fieldName, required, actual, isAuthenticated), node)
    {
        ErrorCode = !isAuthenticated && required is not null ? Unauthenticated : Forbidden;
        Code = ErrorCode;
    }

    public string ErrorCode { get; }

    public int? StatusCode => ErrorCode == Unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;

    private static string Describe(string typeName, string fieldName, Role? required, Role? actual, bool isAuthenticated) => required switch
    {
        null => $"{typeName}.{fieldName} has no authorization rule, so nobody may select it.",
        _ when !isAuthenticated => $"{typeName}.{fieldName} needs credentials with the {required.Value.ToName()} role or higher.",
        _ when actual is null => $"{typeName}.{fieldName} needs the {required.Value.ToName()} role or higher; the caller has no role.",
        _ => $"{typeName}.{fieldName} needs the {required.Value.ToName()} role or higher; the caller is {actual.Value.ToName()}.",
    };
}
