using System.Net.Http.Headers;
using System.Text;
using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;

namespace Cms.Api.Tests.Transport;

/// <summary>
/// The places where a library can throw on a client's input (variable coercion, scalar edge values, cursors, global ids,
/// multipart parts, persisted-query hashes, document ids), each answered with a 4xx or a coded field error, never a 500.
/// </summary>
public sealed class ClientInputTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private const string Marathon = "battle-of-marathon";

    [Theory]
    [InlineData("""{"query":"query($n: Int) { articles(first: $n) { totalCount } }","variables":{"n":1e999}}""", 400, "BAD_USER_INPUT")]
    [InlineData("""{"query":"query($n: Int) { articles(first: $n) { totalCount } }","variables":{"n":99999999999999999999999}}""", 400, "BAD_USER_INPUT")]
    [InlineData("""{"query":"query($n: Int) { articles(first: $n) { totalCount } }","variables":{"n":1.5}}""", 400, "BAD_USER_INPUT")]
    [InlineData("""{"query":"query($n: Int) { articles(first: $n) { totalCount } }","variables":{"n":{"a":1}}}""", 400, "BAD_USER_INPUT")]
    [InlineData("""{"query":"query($n: Int) { articles(first: $n) { totalCount } }","variables":{"n":-2147483648}}""", 200, "BAD_USER_INPUT")]
    [InlineData("""{"query":"{ articles(first: -2147483648) { totalCount } }"}""", 200, "BAD_USER_INPUT")]
    [InlineData("""{"query":"{ articles(first: -5) { totalCount } }"}""", 200, "BAD_USER_INPUT")]
    [InlineData("""{"query":"{ articles(first: 99999999999999999999) { totalCount } }"}""", 400, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"{ articles(first: 1e999) { totalCount } }"}""", 400, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"{ article(slug: \"battle-of-marathon\", asOf: \"garbage\") { title } }"}""", 400, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"{ article(slug: \"battle-of-marathon\", asOf: \"0000-01-01T00:00:00Z\") { title } }"}""", 400, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"{ article(slug: \"battle-of-marathon\", asOf: \"9999-12-31T23:59:59.9999999-14:00\") { title } }"}""", 400, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"{ article(slug: \"battle-of-marathon\", asOf: \"0001-01-01T00:00:00+14:00\") { title } }"}""", 200, null)]
    [InlineData("""{"query":"query($d: DateTime) { article(slug: \"battle-of-marathon\", asOf: $d) { title } }","variables":{"d":"0001-01-01T00:00:00+14:00"}}""", 200, null)]
    [InlineData("""{"query":"query($d: DateTime) { article(slug: \"battle-of-marathon\", asOf: $d) { title } }","variables":{"d":12345678901234567890}}""", 400, "BAD_USER_INPUT")]
    [InlineData("""{"query":"{ article(id: 99999999999999999999) { title } }"}""", 200, null)]
    [InlineData("""{"query":"{ article(id: 1.5) { title } }"}""", 400, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"query($i: ID) { article(id: $i) { title } }","variables":{"i":99999999999999999999999}}""", 200, null)]
    [InlineData("""{"query":"query($i: ID) { article(id: $i) { title } }","variables":{"i":1.5}}""", 400, "BAD_USER_INPUT")]
    [InlineData("""{"query":"{ article(id: \"QXJ0aWNsZTp6eg==\") { title } }"}""", 200, null)]
    [InlineData("""{"query":"{ article(id: \"//4AgA==\") { title } }"}""", 200, null)]
    [InlineData("""{"query":"{ article(id: \"QXBpS2V5OjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw\") { title } }"}""", 200, null)]
    [InlineData("""{"query":"{ articles(after: \"!!!\") { totalCount } }"}""", 200, "BAD_USER_INPUT")]
    [InlineData("""{"query":"{ articles(after: \"YTE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTp4\") { totalCount } }"}""", 200, "BAD_USER_INPUT")]
    [InlineData("""{"query":"{ articles(after: \"//79\") { totalCount } }"}""", 200, "BAD_USER_INPUT")]
    [InlineData("""{"query":"query($s: String) { article(slug: $s) { title } }","variables":{"s":"\udc00"}}""", 400, "JSON_INVALID")]
    [InlineData("""{"query":"{ __typename }","variables":{"a":1,"a":2}}""", 400, "JSON_INVALID")]
    [InlineData("""{"query":"{ __typename }","operationName":5}""", 400, "JSON_INVALID")]
    [InlineData("""{"extensions":{"persistedQuery":{"version":1,"sha256Hash":{"a":1}}}}""", 400, "PERSISTED_QUERY_INVALID")]
    [InlineData("""{"extensions":{"persistedQuery":{"version":1e999,"sha256Hash":"aa"}}}""", 400, "PERSISTED_QUERY_INVALID")]
    [InlineData("""{"extensions":{"persistedQuery":[1,2]}}""", 400, "PERSISTED_QUERY_INVALID")]
    [InlineData("""{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"\u0000"}}}""", 400, "PERSISTED_QUERY_INVALID")]
    [InlineData("""{"documentId":"sha256:zz"}""", 400, "PERSISTED_QUERY_INVALID")]
    [InlineData("""{"documentId":"md5:abc"}""", 400, "PERSISTED_QUERY_INVALID")]
    [InlineData("""{"documentId":""}""", 400, "PERSISTED_QUERY_INVALID")]
    [InlineData("""{"documentId":5}""", 400, "JSON_INVALID")]
    public async Task Edge_values_in_a_json_request_get_a_coded_client_error(string body, int status, string? code)
    {
        var (actualStatus, codes) = await PostAsync(body, role: null);

        AssertAnswer(status, code, actualStatus, codes);
    }

    [Theory]
    [InlineData("""{"query":"{ article(slug: \"battle-of-marathon\") { versions(first: -2147483648) { totalCount } } }"}""", 200, "BAD_USER_INPUT")]
    [InlineData("""{"query":"{ article(slug: \"battle-of-marathon\") { versions(after: \"v99999999999\") { totalCount } } }"}""", 200, "BAD_USER_INPUT")]
    [InlineData("""{"query":"{ article(slug: \"battle-of-marathon\") { versions(after: \"v-1\") { totalCount } } }"}""", 200, "BAD_USER_INPUT")]
    [InlineData("""{"query":"{ article(slug: \"battle-of-marathon\", version: 2147483647) { title } }"}""", 200, null)]
    [InlineData("""{"query":"{ article(slug: \"battle-of-marathon\", version: -5) { title } }"}""", 200, null)]
    [InlineData("""{"query":"{ compareArticleVersions(id: \"x\", from: -1, to: 2147483647) { from } }"}""", 200, null)]
    [InlineData("""{"query":"query($s: ArticleStage) { article(slug: \"x\", stage: $s) { title } }","variables":{"s":"bogus"}}""", 400, "BAD_USER_INPUT")]
    [InlineData("""{"query":"mutation { createApiKey(input: {name: \"x\", role: VIEWER, expiresAt: \"0001-01-01T00:00:00+14:00\"}) { errors { ... on UserError { code } } } }"}""", 200, null)]
    [InlineData("""{"query":"mutation { schedulePublication(input: {id: \"x\", at: \"0001-01-01T00:00:00+14:00\"}) { errors { ... on UserError { code } } } }"}""", 200, null)]
    [InlineData("""{"query":"mutation { schedulePublication(input: {id: \"x\", at: \"9999-12-31T23:59:59-14:00\"}) { errors { ... on UserError { code } } } }"}""", 400, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"mutation { createArticle(input: {title: \"x\", summary: \"y\", historicalDate: {start: {year: 1}, precision: YEAR}, places: [{name: \"a\", latitude: 1e999}]}) { errors { ... on UserError { code } } } }"}""", 400, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"mutation { createArticle(input: {title: \"x\", summary: \"y\", historicalDate: {start: {year: -2147483648, month: 2147483647, day: -2147483648}, precision: DAY}}) { errors { ... on UserError { code } } } }"}""", 200, null)]
    [InlineData("""{"query":"mutation { updateArticle(input: {id: \"x\", expectedVersion: -2147483648}) { errors { ... on UserError { code } } } }"}""", 200, null)]
    public async Task Edge_values_from_an_editor_get_a_coded_client_error(string body, int status, string? code)
    {
        var (actualStatus, codes) = await PostAsync(body, Role.Admin);

        AssertAnswer(status, code, actualStatus, codes);
    }

    [Theory]
    [InlineData("documentId", "sha256:gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg", "PERSISTED_QUERY_INVALID")]
    [InlineData("variables", """{"a":""", "INVALID_PARAMETER")]
    [InlineData("variables", """{"a":1,"a":2}""", "INVALID_PARAMETER")]
    [InlineData("extensions", """{"a":1,"a":2}""", "INVALID_PARAMETER")]
    [InlineData("extensions", """{"persistedQuery":{"version":1,"sha256Hash":"\u0000"}}""", "PERSISTED_QUERY_INVALID")]
    [InlineData("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"\u0000\"}}", "INVALID_PARAMETER")]
    public async Task Edge_values_in_a_get_request_get_a_coded_client_error(string parameter, string value, string code)
    {
        using var client = api.CreateClient();
        var parameters = new Dictionary<string, string?> { [parameter] = value };
        if (parameter != "documentId")
        {
            parameters["query"] = "{ __typename }";
        }

        var response = await GraphQLHttp.GetAsync(client, parameters, GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(400, response.Status);
        Assert.Equal([code], response.ErrorCodes);
    }

    [Theory]
    [InlineData("huge-part-header")]
    [InlineData("many-part-headers")]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("no-disposition")]
    public async Task A_malformed_multipart_body_is_a_client_error(string shape)
    {
        const string operations = """{"query":"mutation { __typename }","variables":{"f":null}}""";
        var body = shape switch
        {
            "huge-part-header" => $"--B\r\nContent-Disposition: form-data; name=\"operations\"\r\nX-Big: {new string('a', 40_000)}\r\n\r\n{operations}\r\n--B--\r\n",
            "many-part-headers" => $"--B\r\nContent-Disposition: form-data; name=\"operations\"\r\n{string.Concat(Enumerable.Range(0, 2000).Select(i => $"X-{i}: a\r\n"))}\r\n{operations}\r\n--B--\r\n",
            "truncated" => $"--B\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{operations}",
            "no-disposition" => $"--B\r\n\r\n{operations}\r\n--B--\r\n",
            _ => "garbage garbage",
        };
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(Role.Editor));
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=B");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Add("GraphQL-Preflight", "1");

        using var response = await client.SendAsync(request);
        var result = await GraphQLResponse.ReadAsync(response);

        Assert.Equal(400, result.Status);
        Assert.Equal(["UPLOAD_INVALID"], result.ErrorCodes);
    }

    [Fact]
    public async Task Odd_document_ids_in_trusted_documents_mode_get_a_coded_client_error()
    {
        const string query = "{ article(slug: \"battle-of-marathon\") { slug } }";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var manifest = Path.Combine(Path.GetTempPath(), $"trusted-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(manifest, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [hash] = query }));
        try
        {
            using var trusted = new CmsApiFactory().WithSetting("GraphQL:TrustedDocuments:ManifestPath", manifest);
            using var client = trusted.CreateClient();
            var cases = new (string DocumentId, string Code)[]
            {
                ("sha256:" + hash.ToUpperInvariant(), "PERSISTED_QUERY_INVALID"),
                ("sha256:" + hash[..63], "PERSISTED_QUERY_INVALID"),
                ("sha256:" + hash + "00", "PERSISTED_QUERY_INVALID"),
                ("sha256:" + new string('\u0660', 64), "PERSISTED_QUERY_INVALID"),
                ("md5:" + hash, "PERSISTED_QUERY_INVALID"),
                ("sha256:" + new string('0', 64), "PERSISTED_QUERY_NOT_FOUND"),
            };

            foreach (var (documentId, code) in cases)
            {
                var post = await GraphQLHttp.PostAsync(client, new { documentId }, GraphQLHttp.GraphQLResponseJson);
                var get = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["documentId"] = documentId }, GraphQLHttp.GraphQLResponseJson);

                Assert.All(new[] { post, get }, response => Assert.Equal((400, code), (response.Status, response.ErrorCodes.Single()!)));
            }

            var known = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["documentId"] = "sha256:" + hash });
            Assert.Equal("""{"article":{"slug":"battle-of-marathon"}}""", known.Body!["data"]!.ToJsonString());
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    private async Task<(int Status, IReadOnlyList<string?> Codes)> PostAsync(string body, Role? role)
    {
        using var client = api.CreateClient();
        if (role is { } callerRole)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateApiKeyAsync(callerRole));
        }

        var (status, _, json) = await PostRawAsync(client, Encoding.UTF8.GetBytes(body));
        return (status, JsonAssert.ErrorCodes(json));
    }

    private static async Task<(int Status, string Text, System.Text.Json.Nodes.JsonNode? Json)> PostRawAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", GraphQLHttp.GraphQLResponseJson);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text, text.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(text));
    }

    private static void AssertAnswer(int status, string? code, int actualStatus, IReadOnlyList<string?> codes)
    {
        Assert.Equal(status, actualStatus);
        if (code is null)
        {
            Assert.Empty(codes);
        }
        else
        {
            Assert.Equal([code], codes);
        }

        Assert.DoesNotContain("INTERNAL_SERVER_ERROR", codes);
    }

    [Fact]
    public async Task A_request_after_all_of_them_is_still_answered()
    {
        var (status, codes) = await PostAsync($$"""{"query":"{ article(slug: \"{{Marathon}}\") { slug } }"}""", role: null);

        Assert.Equal(200, status);
        Assert.Empty(codes);
    }
}
