using System.Text;
using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Transport;

/// <summary>The GraphQL-over-HTTP protocol: media types, methods, status codes and malformed requests.</summary>
public sealed class GraphQLHttpEndpointTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private const string SmallQuery = "{ articles(first: 1) { edges { cursor } } }";
    private static readonly byte[] ValidBody = Encoding.UTF8.GetBytes("""{"query":"{ articles(first: 1) { edges { cursor } } }"}""");

    [Theory]
    [InlineData(null, "application/json; charset=utf-8")]
    [InlineData("application/json", "application/json; charset=utf-8")]
    [InlineData("*/*", "application/json; charset=utf-8")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json; charset=utf-8")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json; charset=utf-8")]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json; charset=utf-8")]
    [InlineData("text/html, application/*;q=0.1", "application/json; charset=utf-8")]
    public async Task The_response_media_type_follows_the_accept_header(string? accept, string expected)
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query = SmallQuery }, accept);

        Assert.Equal(200, response.Status);
        Assert.Equal(expected, response.ContentType);
        Assert.NotNull(response.Body!["data"]);
    }

    [Fact]
    public async Task A_client_that_accepts_neither_media_type_gets_406()
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query = SmallQuery }, "text/html");

        Assert.Equal(406, response.Status);
        Assert.Equal(["NOT_ACCEPTABLE"], response.ErrorCodes);
    }

    [Theory]
    [InlineData(GraphQLHttp.GraphQLResponseJson, 400)]
    [InlineData("application/json", 200)]
    public async Task A_document_that_does_not_parse_is_refused_with_the_status_of_the_media_type(string accept, int status)
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query = "{ articles { " }, accept);

        Assert.Equal(status, response.Status);
        Assert.Equal(["GRAPHQL_PARSE_FAILED"], response.ErrorCodes);
        Assert.Null(response.Body!["data"]);
    }

    [Theory]
    [InlineData(GraphQLHttp.GraphQLResponseJson, 400)]
    [InlineData("application/json", 200)]
    public async Task A_document_that_fails_validation_is_refused_with_the_status_of_the_media_type(string accept, int status)
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query = "{ article(slug: \"battle-of-marathon\") { noSuchField } }" }, accept);

        Assert.Equal(status, response.Status);
        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.ErrorCodes);
        Assert.Contains("noSuchField", response.Body!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_bad_user_input()
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query = "query($n: Int) { articles(first: $n) { totalCount } }", variables = new { n = "ten" } }, GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(400, response.Status);
        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    [Fact]
    public async Task OperationName_selects_one_of_several_operations()
    {
        using var client = api.CreateClient();
        const string document = "query Count { articles { totalCount } } query One { article(slug: \"battle-of-marathon\") { slug } }";

        var one = await GraphQLHttp.PostAsync(client, new { query = document, operationName = "One" });
        var unknown = await GraphQLHttp.PostAsync(client, new { query = document, operationName = "Three" }, GraphQLHttp.GraphQLResponseJson);
        var missing = await GraphQLHttp.PostAsync(client, new { query = document }, GraphQLHttp.GraphQLResponseJson);

        Assert.Equal("""{"article":{"slug":"battle-of-marathon"}}""", one.Body!["data"]!.ToJsonString());
        Assert.Equal(400, unknown.Status);
        Assert.Equal(["INVALID_OPERATION_NAME"], unknown.ErrorCodes);
        Assert.Equal(400, missing.Status);
        Assert.Single(missing.ErrorCodes);
    }

    [Fact]
    public async Task A_query_can_be_sent_with_get_and_variables_in_the_query_string()
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?>
        {
            ["query"] = "query One($slug: String!) { article(slug: $slug) { slug } }",
            ["variables"] = """{"slug":"magna-carta-sealed"}""",
            ["operationName"] = "One",
        });

        Assert.Equal(200, response.Status);
        Assert.Equal("""{"article":{"slug":"magna-carta-sealed"}}""", response.Body!["data"]!.ToJsonString());
    }

    [Theory]
    [InlineData("mutation { __typename }")]
    [InlineData("query A { __typename } mutation B { __typename }")]
    public async Task A_mutation_over_get_is_refused_with_405_and_allow_post(string document)
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["query"] = document, ["operationName"] = document.Contains('B', StringComparison.Ordinal) ? "B" : null });

        Assert.Equal(405, response.Status);
        Assert.Equal("POST", response.Allow);
        Assert.Contains("METHOD_NOT_ALLOWED", response.ErrorCodes);
        Assert.Null(response.Body!["data"]);
    }

    [Theory]
    [InlineData("variables", "[1,2]")]
    [InlineData("variables", "{not json")]
    [InlineData("extensions", "42")]
    public async Task Get_parameters_that_are_not_json_objects_are_refused(string name, string value)
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["query"] = SmallQuery, [name] = value });

        Assert.Equal(400, response.Status);
        Assert.Equal(["INVALID_PARAMETER"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("{\"query\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": {\"obj\": 1}}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": [1, 2]}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": \"string\"}")]
    [InlineData("{\"query\": \"{ __typename }\", \"extensions\": 0}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": {\"a\": 1, \"a\": 2}}")]
    public async Task Malformed_json_gets_400_with_a_clear_message_and_code(string json)
    {
        var (status, contentType, body) = await api.PostRawAsync(Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(400, status);
        Assert.Equal("application/json; charset=utf-8", contentType);
        Assert.Equal(["JSON_INVALID"], JsonAssert.ErrorCodes(body));
        Assert.StartsWith("The request body is not a valid GraphQL request in JSON", body!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Invalid_utf8_gets_400()
    {
        byte[] body = [.. "{\"query\": \"{ a"u8.ToArray(), 0xC3, 0x28, .. "}\"}"u8.ToArray()];

        var (status, _, json) = await api.PostRawAsync(body, "application/json");

        Assert.Equal(400, status);
        Assert.Equal(["JSON_INVALID"], JsonAssert.ErrorCodes(json));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/graphql")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_gets_415(string? contentType)
    {
        var (status, _, body) = await api.PostRawAsync(ValidBody, contentType);

        Assert.Equal(415, status);
        Assert.Equal(["INVALID_CONTENT_TYPE"], JsonAssert.ErrorCodes(body));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"query\": \"   \"}")]
    [InlineData("{\"query\": null}")]
    [InlineData("{\"qeury\": \"{ __typename }\"}")]
    public async Task A_request_without_a_query_gets_400(string json)
    {
        var (status, _, body) = await api.PostRawAsync(Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(400, status);
        Assert.Equal(["QUERY_MISSING"], JsonAssert.ErrorCodes(body));
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Other_methods_get_405_with_the_allowed_ones(string method)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql") { Content = new ByteArrayContent(ValidBody) };

        using var response = await client.SendAsync(request);
        var result = await GraphQLResponse.ReadAsync(response);

        Assert.Equal(405, result.Status);
        Assert.Equal("GET, POST", result.Allow);
        Assert.Equal(["METHOD_NOT_ALLOWED"], result.ErrorCodes);
    }
}
