using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>An HTTP response of the GraphQL endpoint, read whole: status, headers and the JSON body when there is one.</summary>
public sealed record GraphQLResponse(int Status, HttpResponseHeaders Headers, string? ContentType, JsonNode? Body, string Text, string Allow)
{
    public IReadOnlyList<string?> ErrorCodes => JsonAssert.ErrorCodes(Body);

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (text.Length > 0)
        {
            body = JsonNode.Parse(text);
        }

        return new GraphQLResponse((int)response.StatusCode, response.Headers, response.Content.Headers.ContentType?.ToString(), body, text, string.Join(", ", response.Content.Headers.Allow));
    }
}

public static class GraphQLHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static async Task<GraphQLResponse> PostAsync(HttpClient client, object payload, string? accept = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json"),
        };
        AddHeaders(request, accept, headers);
        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    public static async Task<GraphQLResponse> GetAsync(HttpClient client, IReadOnlyDictionary<string, string?> parameters, string? accept = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(parameters);
        var query = string.Join("&", parameters.Where(p => p.Value is not null).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + query);
        AddHeaders(request, accept, headers);
        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    private static void AddHeaders(HttpRequestMessage request, string? accept, IReadOnlyDictionary<string, string>? headers)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
