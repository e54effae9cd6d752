using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Transport.Uploads;

/// <summary>
/// Reads a GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec): the
/// <c>operations</c> and <c>map</c> fields first, both bounded, then leaves the files in the body for an
/// <see cref="UploadSession"/> to stream on demand. The map is checked against the variables before anything runs.
/// </summary>
public sealed class MultipartRequestReader(GraphQLRequestReader jsonReader, IOptions<GraphQLHttpOptions> options)
{
    public async Task<(GraphQLRequest? Request, UploadSession? Uploads, TransportError? Error)> ReadAsync(HttpContext http, MediaTypeHeaderValue contentType)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(contentType);
        var settings = options.Value;
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
        {
            return Fail(TransportErrors.InvalidUpload("the Content-Type has no valid boundary."));
        }

        var maxBody = settings.Limits.MaxRequestBytes + (settings.Uploads.MaxFiles * settings.Uploads.MaxFileBytes) + 64 * 1024;
        if (http.Request.ContentLength > maxBody)
        {
            return Fail(TransportErrors.RequestTooLarge(maxBody));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBody;
        }

        var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = null };
        var (operationsJson, operationsError) = await ReadFieldAsync(reader, "operations", settings.Limits.MaxRequestBytes, http.RequestAborted);
        if (operationsError is not null)
        {
            return Fail(operationsError);
        }

        var (mapJson, mapError) = await ReadFieldAsync(reader, "map", settings.Limits.MaxRequestBytes, http.RequestAborted);
        if (mapError is not null)
        {
            return Fail(mapError);
        }

        GraphQLRequest? request;
        Dictionary<string, string[]>? map;
        try
        {
            if (GraphQLRequestReader.VariablesLength(operationsJson.Span) > settings.Limits.MaxVariablesBytes)
            {
                return Fail(TransportErrors.VariablesTooLarge(settings.Limits.MaxVariablesBytes));
            }

            request = await jsonReader.DeserializeAsync(operationsJson, http.RequestAborted);
            map = JsonSerializer.Deserialize<Dictionary<string, string[]>>(mapJson.Span);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException or FormatException or DecoderFallbackException)
        {
            return Fail(TransportErrors.InvalidUpload($"'operations' must be one GraphQL request and 'map' an object of file keys to arrays of paths ({exception.Message})."));
        }

        if (request is null || map is null)
        {
            return Fail(TransportErrors.InvalidUpload("'operations' and 'map' must not be null."));
        }

        if (map.Count > settings.Uploads.MaxFiles)
        {
            return Fail(TransportErrors.TooManyFiles(settings.Uploads.MaxFiles));
        }

        var session = new UploadSession(reader, settings.Uploads.MaxFileBytes);
        var (variables, placeError) = PlaceFiles(request.Variables, map, session);
        if (placeError is not null)
        {
            return Fail(placeError);
        }

        session.Variables = variables;
        return (request, session, null);
    }

    private static (GraphQLRequest?, UploadSession?, TransportError?) Fail(TransportError error) => (null, null, error);

    private static async Task<(ReadOnlyMemory<byte> Json, TransportError? Error)> ReadFieldAsync(MultipartReader reader, string name, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var section = await reader.ReadNextSectionAsync(cancellationToken);
            if (section is null || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ||
                HeaderUtilities.RemoveQuotes(disposition.Name).Value != name)
            {
                return (default, TransportErrors.InvalidUpload($"the field '{name}' must come {(name == "operations" ? "first" : "second, after 'operations'")}."));
            }

            var (json, tooLarge) = await GraphQLRequestReader.ReadBoundedAsync(section.Body, maxBytes, cancellationToken);
            return tooLarge ? (default, TransportErrors.RequestTooLarge(maxBytes)) : (json, null);
        }
        catch (Exception exception) when (UploadSession.IsMalformedBody(exception))
        {
            return (default, TransportErrors.InvalidUpload(exception.Message));
        }
    }

    /// <summary>Copies the variables and puts an <see cref="UploadedFile"/> at every path of the map, each of which must hold null.</summary>
    private static (Inputs? Variables, TransportError? Error) PlaceFiles(Inputs? variables, Dictionary<string, string[]> map, UploadSession session)
    {
        var root = Copy(variables) as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, paths) in map)
        {
            if (string.IsNullOrEmpty(key) || paths is not { Length: > 0 })
            {
                return (null, TransportErrors.InvalidUpload("every map entry needs a file key and at least one path."));
            }

            var file = new UploadedFile(session, key);
            foreach (var path in paths)
            {
                if (!TrySet(root, path, file))
                {
                    return (null, TransportErrors.InvalidUpload($"the map path '{path}' does not point at a null value inside 'variables'."));
                }
            }
        }

        return (root.ToInputs(), null);
    }

    private static bool TrySet(Dictionary<string, object?> root, string? path, UploadedFile file)
    {
        var segments = path?.Split('.') ?? [];
        if (segments.Length < 2 || segments[0] != "variables")
        {
            return false;
        }

        object? container = root;
        for (var i = 1; i < segments.Length; i++)
        {
            var isLast = i == segments.Length - 1;
            switch (container)
            {
                case Dictionary<string, object?> dictionary when dictionary.TryGetValue(segments[i], out var value):
                    if (isLast)
                    {
                        if (value is not null)
                        {
                            return false;
                        }

                        dictionary[segments[i]] = file;
                        return true;
                    }

                    container = value;
                    break;
                case List<object?> list when int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Count:
                    if (isLast)
                    {
                        if (list[index] is not null)
                        {
                            return false;
                        }

                        list[index] = file;
                        return true;
                    }

                    container = list[index];
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private static object? Copy(object? value) => value switch
    {
        IDictionary<string, object?> dictionary => dictionary.ToDictionary(e => e.Key, e => Copy(e.Value), StringComparer.Ordinal),
        IList<object?> list => list.Select(Copy).ToList(),
        _ => value,
    };
}
