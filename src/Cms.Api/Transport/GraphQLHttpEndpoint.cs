using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Transport;

/// <summary>
/// POST /graphql with a JSON body. Knows nothing about articles: it reads a request, hands it to
/// GraphQL.NET's executer with the request's services, user and abort token, and writes the result.
/// Bad requests get a 4xx with an error code and never reach the executer.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const string ResponseContentType = "application/json; charset=utf-8";

    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, HandleAsync);
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLSerializer>();

        if (!IsJson(http.Request.ContentType))
        {
            await WriteErrorAsync(http, serializer, TransportErrors.UnsupportedMediaType());
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            // Malformed JSON, invalid UTF-8, a duplicate variable name or a value of the wrong JSON type.
            await WriteErrorAsync(http, serializer, TransportErrors.InvalidJson(exception));
            return;
        }

        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteErrorAsync(http, serializer, TransportErrors.QueryMissing());
            return;
        }

        var executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = http.User,
            CancellationToken = http.RequestAborted,
        });

        // A document that could not be parsed, validated or given an operation never executed: the client's fault.
        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        http.Response.ContentType = ResponseContentType;
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType) &&
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) &&
        (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLSerializer serializer, TransportError error)
    {
        http.Response.StatusCode = error.StatusCode;
        http.Response.ContentType = ResponseContentType;
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [error] }, http.RequestAborted);
    }
}
