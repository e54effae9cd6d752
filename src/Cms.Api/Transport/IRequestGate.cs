using GraphQLParser.AST;

namespace Cms.Api.Transport;

/// <summary>
/// A check the transport runs on every request without knowing what it checks (access, rate limits…): first
/// before the body is read, then once the operation is known and before it executes. Returning an error
/// refuses the request there.
/// </summary>
public interface IRequestGate
{
    /// <summary>Before the body is read. <paramref name="isUpload"/> is true for a multipart request.</summary>
    ValueTask<TransportError?> BeforeReadAsync(HttpContext http, bool isUpload);

    /// <summary>After parsing, before execution; <paramref name="operation"/> is null when the document names none that matches.</summary>
    ValueTask<TransportError?> BeforeExecuteAsync(HttpContext http, GraphQLOperationDefinition? operation);
}
