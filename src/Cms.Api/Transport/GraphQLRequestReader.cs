using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Transport;

/// <summary>Turns an HTTP request into a <see cref="GraphQLRequest"/>, or into the transport error that explains why it cannot.</summary>
public sealed class GraphQLRequestReader(IGraphQLSerializer serializer, IOptions<GraphQLHttpOptions> options)
{
    private const int ReadChunk = 16 * 1024;

    public static bool IsJson(string? contentType) =>
        contentType is "application/json" or "application/json; charset=utf-8" ||
        (MediaTypeHeaderValue.TryParse(contentType, out var parsed) && IsJson(parsed));

    public static bool IsJson(MediaTypeHeaderValue? contentType) =>
        contentType is not null &&
        contentType.MediaType.Equals(ResponseMediaType.Json, StringComparison.OrdinalIgnoreCase) &&
        (!contentType.Charset.HasValue || contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a JSON POST body, never more than the configured maximum, and checks the size of its variables.</summary>
    public async Task<(GraphQLRequest? Request, TransportError? Error)> ReadJsonAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (body, error) = await ReadJsonBodyAsync(http);
        return error is not null ? (null, error) : await ParseJsonAsync(body, http.RequestAborted);
    }

    /// <summary>The JSON POST body as bytes, never more than the configured maximum.</summary>
    public async Task<(ReadOnlyMemory<byte> Body, TransportError? Error)> ReadJsonBodyAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var limits = options.Value.Limits;
        var (body, tooLarge) = await ReadBoundedAsync(http, limits.MaxRequestBytes);
        if (tooLarge)
        {
            return (default, TransportErrors.RequestTooLarge(limits.MaxRequestBytes));
        }

        return body.Length == 0 ? (default, TransportErrors.InvalidJson("the body is empty.")) : (body, null);
    }

    /// <summary>Parses a JSON POST body read by <see cref="ReadJsonBodyAsync"/>, checking the size of its variables.</summary>
    public async Task<(GraphQLRequest? Request, TransportError? Error)> ParseJsonAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var limits = options.Value.Limits;
        try
        {
            // Variables cannot be larger than the body that holds them: small bodies need no scan.
            if (body.Length > limits.MaxVariablesBytes && VariablesLength(body.Span) > limits.MaxVariablesBytes)
            {
                return (null, TransportErrors.VariablesTooLarge(limits.MaxVariablesBytes));
            }

            var request = await DeserializeAsync(body, cancellationToken);
            return request is null ? (null, TransportErrors.InvalidJson("the body is null.")) : (request, null);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException or FormatException or DecoderFallbackException)
        {
            // Malformed JSON, invalid UTF-8, a duplicate variable name or a member of the wrong JSON type.
            return (null, TransportErrors.InvalidJson(exception.Message));
        }
    }

    internal async Task<GraphQLRequest?> DeserializeAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        // Wraps the bytes already read; no copy.
        using var stream = MemoryMarshal.TryGetArray(json, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(json.ToArray(), writable: false);
        return await serializer.ReadAsync<GraphQLRequest>(stream, cancellationToken);
    }

    /// <summary>Reads query, documentId, operationName, variables and extensions from the query string.</summary>
    public (GraphQLRequest? Request, TransportError? Error) ReadQueryString(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var variablesText = query["variables"].ToString();
        if (variablesText.Length > options.Value.Limits.MaxVariablesBytes)
        {
            return (null, TransportErrors.VariablesTooLarge(options.Value.Limits.MaxVariablesBytes));
        }

        var (variables, variablesError) = ParseMap("variables", variablesText);
        if (variablesError is not null)
        {
            return (null, variablesError);
        }

        var (extensions, extensionsError) = ParseMap("extensions", query["extensions"].ToString());
        if (extensionsError is not null)
        {
            return (null, extensionsError);
        }

        var operationName = query["operationName"].ToString();
        var text = query["query"].ToString();
        var documentId = query["documentId"].ToString();
        return (new GraphQLRequest
        {
            Query = text.Length == 0 ? null : text,
            DocumentId = documentId.Length == 0 ? null : documentId,
            OperationName = operationName.Length == 0 ? null : operationName,
            Variables = variables,
            Extensions = extensions,
        }, null);
    }

    /// <summary>Reads the body into memory up to <paramref name="maxBytes"/>; a declared or actual larger size is refused without reading on.</summary>
    internal static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadBoundedAsync(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return (ReadOnlyMemory<byte>.Empty, true);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        return await ReadBoundedAsync(http.Request.Body, maxBytes, http.RequestAborted, http.Request.ContentLength);
    }

    internal static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadBoundedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken, long? declaredLength = null)
    {
        // With a declared length, one exact buffer and a check that nothing follows; otherwise grow up to the limit.
        if (declaredLength is { } length and <= int.MaxValue)
        {
            var exact = new byte[length];
            var read = await stream.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken);
            if (read < exact.Length)
            {
                return (exact.AsMemory(0, read), false);
            }

            var probe = new byte[1];
            return await stream.ReadAsync(probe, cancellationToken) == 0 ? (exact, false) : (ReadOnlyMemory<byte>.Empty, true);
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunk);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ReadChunk), cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (ReadOnlyMemory<byte>.Empty, true);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), false);
    }

    /// <summary>The length in bytes of the top-level "variables" value of a JSON body; 0 when absent.</summary>
    internal static long VariablesLength(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVariables = reader.ValueTextEquals("variables"u8);
            reader.Read();
            var start = reader.TokenStartIndex;
            reader.Skip();
            if (isVariables)
            {
                return reader.BytesConsumed - start;
            }
        }

        return 0;
    }

    private (Inputs? Value, TransportError? Error) ParseMap(string name, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            return (serializer is IGraphQLTextSerializer textSerializer ? textSerializer.Deserialize<Inputs>(text) : null, null);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return (null, TransportErrors.InvalidParameter(name, $"it must be a JSON object ({exception.Message})"));
        }
    }
}
