using GraphQL;

namespace Cms.Api.Transport;

/// <summary>A request the transport refused before execution, with the HTTP status it answers with.</summary>
public sealed class TransportError : ExecutionError
{
    public TransportError(string message, string code, int statusCode)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
    }

    public int StatusCode { get; }
}

internal static class TransportErrors
{
    public static TransportError UnsupportedMediaType() => new(
        "Send the request as JSON: Content-Type must be application/json.", "INVALID_CONTENT_TYPE", StatusCodes.Status415UnsupportedMediaType);

    public static TransportError InvalidJson(Exception exception) => new(
        $"The request body is not a valid GraphQL request in JSON: {exception.Message}", "JSON_INVALID", StatusCodes.Status400BadRequest);

    public static TransportError QueryMissing() => new(
        "The request has no query.", "QUERY_MISSING", StatusCodes.Status400BadRequest);
}
