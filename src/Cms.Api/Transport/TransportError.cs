using GraphQL;

namespace Cms.Api.Transport;

/// <summary>A request the transport refused before execution.</summary>
public sealed class TransportError : ExecutionError, ICodedError, IHasResponseHeaders
{
    public TransportError(string message, string code, int? statusCode = null, IReadOnlyDictionary<string, string>? headers = null)
        : base(message)
    {
        Code = code;
        ErrorCode = code;
        StatusCode = statusCode;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public string ErrorCode { get; }

    public int? StatusCode { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }
}
