using System.Text;
using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Transport;

public sealed class GraphQLHttpEndpointTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private static readonly byte[] ValidBody = Encoding.UTF8.GetBytes("""{"query":"{ articles(first: 1) { edges { cursor } } }"}""");

    [Fact]
    public async Task A_valid_request_gets_200_with_data()
    {
        var (status, contentType, body) = await api.PostRawAsync(ValidBody, "application/json");

        Assert.Equal(200, status);
        Assert.Equal("application/json; charset=utf-8", contentType);
        Assert.NotNull(body!["data"]);
    }

    [Theory]
    [InlineData("{\"query\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": \"{ articles { totalCount } }\", \"variables\": [1, 2]}")]
    [InlineData("{\"query\": \"{ articles { totalCount } }\", \"variables\": {\"a\": 1, \"a\": 2}}")]
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
    [InlineData("{\"variables\": {}}")]
    public async Task A_request_without_a_query_gets_400(string json)
    {
        var (status, _, body) = await api.PostRawAsync(Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(400, status);
        Assert.Equal(["QUERY_MISSING"], JsonAssert.ErrorCodes(body));
    }

    [Fact]
    public async Task A_document_with_a_syntax_error_gets_400_and_is_not_executed()
    {
        var (status, body) = await api.PostGraphQLAsync("{ articles { ");

        Assert.Equal(400, status);
        Assert.Equal(["SYNTAX_ERROR"], JsonAssert.ErrorCodes(body));
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task A_document_that_fails_validation_gets_400_and_is_not_executed()
    {
        var (status, body) = await api.PostGraphQLAsync("{ article(slug: \"battle-of-marathon\") { noSuchField } }");

        Assert.Equal(400, status);
        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], JsonAssert.ErrorCodes(body));
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task An_unknown_operation_name_gets_400()
    {
        using var client = api.CreateClient();
        using var content = new StringContent("""{"query":"query A { articles { totalCount } }","operationName":"B"}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/graphql", content);

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_not_allowed()
    {
        using var client = api.CreateClient();

        using var response = await client.DeleteAsync("/graphql");

        Assert.Equal(405, (int)response.StatusCode);
    }
}
