using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cms.Api.Tests.Infrastructure;
using Cms.Api.Transport;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Transport;

/// <summary>The document cache, automatic persisted queries, trusted documents and HTTP caching of GET responses.</summary>
public sealed class CachingTests(CachingTests.WithoutResponseCache api) : IClassFixture<CachingTests.WithoutResponseCache>
{
    /// <summary>
    /// These tests are about the document cache, APQ and HTTP caching; the response cache (ResponseCacheTests) would answer
    /// their repeated anonymous queries before the document cache is reached, so it is off here.
    /// </summary>
    public sealed class WithoutResponseCache : CmsApiFactory
    {
        public WithoutResponseCache() => WithSetting("GraphQL:ResponseCache:Enabled", "false");
    }

    private const string Query = "query Marathon { article(slug: \"battle-of-marathon\") { slug title } }";

    [Fact]
    public async Task A_repeated_document_is_parsed_and_validated_once()
    {
        using var client = api.CreateClient();
        var preparation = api.Services.GetServices<IConfigureExecution>().OfType<DocumentPreparation>().Single();
        var unique = $"query Unique{Guid.NewGuid():N} {{ articles(first: 1) {{ totalCount }} }}";

        var first = await GraphQLHttp.PostAsync(client, new { query = unique });
        var (hits, misses) = (preparation.CacheHits, preparation.CacheMisses);
        var second = await GraphQLHttp.PostAsync(client, new { query = unique });

        Assert.Equal(first.Body!["data"]!.ToJsonString(), second.Body!["data"]!.ToJsonString());
        Assert.Equal(hits + 1, preparation.CacheHits);
        Assert.Equal(misses, preparation.CacheMisses);
    }

    [Fact]
    public async Task An_invalid_document_is_never_cached()
    {
        using var client = api.CreateClient();
        var preparation = api.Services.GetServices<IConfigureExecution>().OfType<DocumentPreparation>().Single();
        var invalid = $"{{ noSuchField{Guid.NewGuid():N} }}";

        await GraphQLHttp.PostAsync(client, new { query = invalid });
        var hits = preparation.CacheHits;
        var again = await GraphQLHttp.PostAsync(client, new { query = invalid });

        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], again.ErrorCodes);
        Assert.Equal(hits, preparation.CacheHits);
    }

    [Fact]
    public async Task Automatic_persisted_queries_follow_apollos_round_trip()
    {
        using var client = api.CreateClient();
        var query = $"query Apq{Guid.NewGuid():N} {{ article(slug: \"battle-of-marathon\") {{ slug }} }}";
        var extensions = PersistedQuery(Sha256(query));

        var unknown = await GraphQLHttp.PostAsync(client, new { extensions });
        var registered = await GraphQLHttp.PostAsync(client, new { query, extensions });
        var byHash = await GraphQLHttp.PostAsync(client, new { extensions });
        var byHashOverGet = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["extensions"] = JsonSerializer.Serialize(extensions) });

        Assert.Equal((200, "PERSISTED_QUERY_NOT_FOUND"), (unknown.Status, unknown.ErrorCodes.Single()));
        Assert.Equal("PersistedQueryNotFound", unknown.Body!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("""{"article":{"slug":"battle-of-marathon"}}""", registered.Body!["data"]!.ToJsonString());
        Assert.Equal("""{"article":{"slug":"battle-of-marathon"}}""", byHash.Body!["data"]!.ToJsonString());
        Assert.Equal("""{"article":{"slug":"battle-of-marathon"}}""", byHashOverGet.Body!["data"]!.ToJsonString());
    }

    [Fact]
    public async Task A_known_document_runs_by_its_document_id_over_get_as_over_post()
    {
        using var client = api.CreateClient();
        var query = $"query ById{Guid.NewGuid():N} {{ article(slug: \"battle-of-marathon\") {{ slug }} }}";
        await GraphQLHttp.PostAsync(client, new { query, extensions = PersistedQuery(Sha256(query)) });

        var overGet = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["documentId"] = "sha256:" + Sha256(query) });
        var overPost = await GraphQLHttp.PostAsync(client, new { documentId = "sha256:" + Sha256(query) });

        Assert.Equal("""{"article":{"slug":"battle-of-marathon"}}""", overGet.Body!["data"]!.ToJsonString());
        Assert.Equal("""{"article":{"slug":"battle-of-marathon"}}""", overPost.Body!["data"]!.ToJsonString());
    }

    [Fact]
    public async Task A_query_that_does_not_match_its_hash_is_refused_and_not_stored()
    {
        using var client = api.CreateClient();
        var hash = Sha256("{ __typename }");

        var mismatch = await GraphQLHttp.PostAsync(client, new { query = Query, extensions = PersistedQuery(hash) });
        var lookup = await GraphQLHttp.PostAsync(client, new { extensions = PersistedQuery(Sha256(Query) == hash ? "0" : Sha256(Query + " ")) });

        Assert.Equal((400, "PERSISTED_QUERY_HASH_MISMATCH"), (mismatch.Status, mismatch.ErrorCodes.Single()));
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], lookup.ErrorCodes);
    }

    [Theory]
    [InlineData("""{"persistedQuery": {"version": 2, "sha256Hash": "ab"}}""")]
    [InlineData("""{"persistedQuery": {"version": 1, "sha256Hash": "NOT-HEX"}}""")]
    [InlineData("""{"persistedQuery": "yes"}""")]
    public async Task A_malformed_persisted_query_extension_is_refused(string extensions)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"extensions": {{extensions}} }""");

        var (status, _, json) = await api.PostRawAsync(body, "application/json");

        Assert.Equal(400, status);
        Assert.Equal(["PERSISTED_QUERY_INVALID"], JsonAssert.ErrorCodes(json));
    }

    [Fact]
    public async Task Anonymous_get_responses_carry_an_etag_and_cache_control_and_revalidate_with_304()
    {
        using var client = api.CreateClient();
        var parameters = new Dictionary<string, string?> { ["query"] = Query };

        var first = await GraphQLHttp.GetAsync(client, parameters);
        var etag = first.Headers.ETag!;
        var revalidated = await GraphQLHttp.GetAsync(client, parameters, headers: new Dictionary<string, string> { ["If-None-Match"] = etag.ToString() });
        var changedTag = await GraphQLHttp.GetAsync(client, parameters, headers: new Dictionary<string, string> { ["If-None-Match"] = "\"other\"" });

        Assert.Equal(200, first.Status);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        Assert.Contains("Accept", first.Headers.Vary);
        Assert.Equal(304, revalidated.Status);
        Assert.Empty(revalidated.Text);
        Assert.Equal(etag, revalidated.Headers.ETag);
        Assert.Equal(200, changedTag.Status);
        Assert.Equal(first.Text, changedTag.Text);
    }

    [Fact]
    public async Task Responses_that_must_not_be_shared_are_marked_no_store()
    {
        using var client = api.CreateClient();

        var withCredentials = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["query"] = Query }, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer something" });
        var post = await GraphQLHttp.PostAsync(client, new { query = Query });
        var error = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["query"] = "{ nope }" });

        foreach (var response in new[] { withCredentials, post, error })
        {
            Assert.Null(response.Headers.ETag);
            Assert.True(response.Headers.CacheControl!.NoStore);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256:")]
    public async Task In_trusted_documents_mode_only_documents_from_the_allow_list_run(string keyPrefix)
    {
        var manifest = Path.Combine(Path.GetTempPath(), $"trusted-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(new Dictionary<string, string> { [keyPrefix + Sha256(Query)] = Query }));
        try
        {
            using var trusted = new CmsApiFactory().WithSetting("GraphQL:TrustedDocuments:ManifestPath", manifest);
            using var client = trusted.CreateClient();

            var byHash = await GraphQLHttp.PostAsync(client, new { extensions = PersistedQuery(Sha256(Query)) });
            var byDocumentId = await GraphQLHttp.PostAsync(client, new { documentId = "sha256:" + Sha256(Query) });
            var byAllowedText = await GraphQLHttp.PostAsync(client, new { query = Query });
            var other = await GraphQLHttp.PostAsync(client, new { query = "{ articles { totalCount } }" });
            var unknownHash = await GraphQLHttp.PostAsync(client, new { extensions = PersistedQuery(Sha256("{ __typename }")) });
            var registration = await GraphQLHttp.PostAsync(client, new { query = "{ __typename }", extensions = PersistedQuery(Sha256("{ __typename }")) });

            foreach (var allowed in new[] { byHash, byDocumentId, byAllowedText })
            {
                Assert.Equal("""{"article":{"slug":"battle-of-marathon","title":"Athens defeats the Persian landing at Marathon"}}""", allowed.Body!["data"]!.ToJsonString());
            }

            Assert.Equal((400, "TRUSTED_DOCUMENT_REQUIRED"), (other.Status, other.ErrorCodes.Single()));
            Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], unknownHash.ErrorCodes);
            Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], registration.ErrorCodes);
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    [Fact]
    public async Task A_tampered_trusted_document_manifest_stops_the_server_from_starting()
    {
        var manifest = Path.Combine(Path.GetTempPath(), $"trusted-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(new Dictionary<string, string> { [Sha256(Query)] = "{ articles { totalCount } }" }));
        try
        {
            using var trusted = new CmsApiFactory().WithSetting("GraphQL:TrustedDocuments:ManifestPath", manifest);

            var error = Assert.ThrowsAny<InvalidOperationException>(() => trusted.CreateClient());

            Assert.Contains("does not match its document", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    private static Dictionary<string, object> PersistedQuery(string hash) =>
        new() { ["persistedQuery"] = new Dictionary<string, object> { ["version"] = 1, ["sha256Hash"] = hash } };

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
