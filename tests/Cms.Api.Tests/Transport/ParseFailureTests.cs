using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Transport;

/// <summary>
/// Whatever a client's document does to the lexer and parser is a client error: 400 GRAPHQL_PARSE_FAILED, with a location
/// counted as the GraphQL specification counts lines (\r\n, \r and \n each end one), and never the parser's stack.
/// </summary>
public sealed class ParseFailureTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Theory]
    [InlineData("{ a\r b( }", 2, 5)]
    [InlineData("{\r\r a ! }", 3, 4)]
    [InlineData("\r{ a ! }", 2, 5)]
    [InlineData("{ a }\r}", 2, 1)]
    [InlineData("{\r\n a ! }", 2, 4)]
    [InlineData("{\n\r a ! }", 3, 4)]
    [InlineData("{\r\n\r a ! }", 3, 4)]
    [InlineData("# comment\r{ a(x: \"\"\"x\r\"\"\") ! }", 3, 6)]
    [InlineData("{ a(x: \"x\r\") }", 1, 10)]
    [InlineData("{\u2028 a }", 1, 2)]
    [InlineData("{ a\0 }", 1, 4)]
    [InlineData("{ a \uFEFF\uFEFF ! }", 1, 8)]
    public async Task A_document_the_parser_fails_on_gets_400_with_the_location_the_specification_gives(string document, int line, int column)
    {
        using var client = api.CreateClient();

        var post = await GraphQLHttp.PostAsync(client, new { query = document }, GraphQLHttp.GraphQLResponseJson);
        var get = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["query"] = document }, GraphQLHttp.GraphQLResponseJson);

        foreach (var response in new[] { post, get })
        {
            Assert.Equal(400, response.Status);
            Assert.Equal(["GRAPHQL_PARSE_FAILED"], response.ErrorCodes);
            var error = response.Body!["errors"]![0]!;
            Assert.StartsWith("Syntax error: ", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(line, error["locations"]![0]!["line"]!.GetValue<int>());
            Assert.Equal(column, error["locations"]![0]!["column"]!.GetValue<int>());

            // Development shows exception details; a parse failure has no exception to show.
            Assert.DoesNotContain("GraphQLParser", response.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", response.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_valid_document_with_lone_carriage_returns_runs()
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query = "{\r  article(slug: \"battle-of-marathon\")\r  { slug }\r}" });

        Assert.Equal("""{"article":{"slug":"battle-of-marathon"}}""", response.Body!["data"]!.ToJsonString());
    }
}
