using System.Text.Json.Nodes;

namespace Cms.Api.Tests.Infrastructure;

internal static class JsonAssert
{
    /// <summary>The error codes of a GraphQL response, in order.</summary>
    public static IReadOnlyList<string?> ErrorCodes(JsonNode? body) =>
        [.. body?["errors"]?.AsArray().Select(e => e?["extensions"]?["code"]?.GetValue<string>()) ?? []];

    public static void NoErrors(JsonNode body) =>
        Assert.True(body["errors"] is null, $"Unexpected errors: {body["errors"]?.ToJsonString()}");

    public static List<string> Strings(JsonNode? array) =>
        [.. (array?.AsArray() ?? []).Select(n => n!.GetValue<string>())];
}
