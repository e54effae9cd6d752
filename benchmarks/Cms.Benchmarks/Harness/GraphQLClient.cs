using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Benchmarks.Harness;

/// <summary>GraphQL requests a benchmark makes to set up its content (not measured).</summary>
internal static class GraphQLClient
{
    /// <summary>POSTs the operation with the client's headers; returns its <c>data</c>, or throws when it has errors.</summary>
    public static async Task<JsonNode> DataAsync(HttpClient client, Uri url, string query, object? variables)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(url, content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return body?["data"] is { } data && body["errors"] is null
            ? data
            : throw new InvalidOperationException("The request failed: " + body?.ToJsonString());
    }
}
