using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Transport;

/// <summary>Persisted operations with a real client: Apollo Client's persisted-query link, run by Node against the server.</summary>
public sealed class ApolloClientTests
{
    private const string Query = "query Marathon { article(slug: \"battle-of-marathon\") { slug title } }";
    private const string Expected = """{"article":{"slug":"battle-of-marathon","title":"Athens defeats the Persian landing at Marathon","__typename":"Article"}}""";

    [Theory]
    [InlineData("post")]
    [InlineData("get")]
    public async Task Automatic_persisted_queries_register_once_then_send_only_the_hash(string method)
    {
        using var api = new CmsApiFactory();
        var url = api.StartOnLoopback();

        var run = await Node.RunJsonAsync("apollo-client.mjs", url.ToString(), Query, method);

        AssertResults(run);
        var sent = Requests(run);
        Assert.Equal(3, sent.Count);
        Assert.Equal((false, true), (sent[0].HasQuery, sent[0].Hash is not null));
        Assert.Equal((true, true), (sent[1].HasQuery, sent[1].Hash is not null));
        Assert.Equal((false, true, 200), (sent[2].HasQuery, sent[2].Hash is not null, sent[2].Status));
        Assert.Equal(method == "get" ? "GET" : "POST", sent[2].Method);
    }

    [Fact]
    public async Task With_trusted_documents_an_allow_listed_operation_runs_from_its_hash_alone()
    {
        // Apollo Client sends the document as printed by graphql-js, so the allow-list holds that form (with __typename).
        const string printed = "query Marathon {\n  article(slug: \"battle-of-marathon\") {\n    slug\n    title\n    __typename\n  }\n}";
        var manifest = Path.Combine(Path.GetTempPath(), $"trusted-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            [Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(printed)))] = printed,
        }));
        try
        {
            using var api = new CmsApiFactory().WithSetting("GraphQL:TrustedDocuments:ManifestPath", manifest);
            var url = api.StartOnLoopback();

            var allowed = await Node.RunJsonAsync("apollo-client.mjs", url.ToString(), Query);
            var refused = await Node.RunJsonAsync("apollo-client.mjs", url.ToString(), "query Other { articles { totalCount } }");

            AssertResults(allowed);
            Assert.All(Requests(allowed), r => Assert.False(r.HasQuery));
            Assert.All(refused["results"]!.AsArray(), r => Assert.Null(r!["data"]));
            Assert.Contains(Requests(refused), r => r.HasQuery && r.Status == 400);
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    private static void AssertResults(JsonNode run)
    {
        foreach (var result in run["results"]!.AsArray())
        {
            Assert.Null(result!["error"]);
            Assert.Equal(Expected, result["data"]!.ToJsonString());
        }
    }

    private static List<(string Method, bool HasQuery, string? Hash, int Status)> Requests(JsonNode run) =>
        [.. run["sent"]!.AsArray().Select(r => (r!["method"]!.GetValue<string>(), r["hasQuery"]!.GetValue<bool>(), r["hash"]?.GetValue<string>(), r["status"]!.GetValue<int>()))];
}
