using System.Text;
using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Transport;

/// <summary>
/// Introspection as GraphQL tools send it (graphql-js's full query, GraphiQL's and Apollo's shapes), run by Node against the
/// real server, and the bounds that keep introspection cheap without charging it as if every list were 20 items long.
/// </summary>
public sealed class IntrospectionTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private static readonly string SchemaFile = Path.Combine(Node.ScriptsFolder, "..", "..", "schema.graphql");

    [Theory]
    [InlineData("graphql-js")]
    [InlineData("graphiql")]
    [InlineData("apollo")]
    public async Task A_tools_introspection_query_loads_the_schema_that_schema_graphql_describes(string client)
    {
        using var server = new CmsApiFactory();
        var url = server.StartOnLoopback();

        var result = await Node.RunJsonAsync("introspection.mjs", url.ToString(), client, SchemaFile);

        Assert.Equal(200, result["status"]!.GetValue<int>());
        Assert.Null(result["errors"]);
        Assert.Null(result["buildError"]);
        Assert.Equal(result["expected"]!.GetValue<string>(), result["sdl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Introspection_answers_what_graphql_js_16_asks_for()
    {
        using var client = api.CreateClient();
        const string query = """
            {
              __schema { description directives { name isRepeatable args(includeDeprecated: true) { name isDeprecated deprecationReason } } }
              __type(name: "CreateArticleInput") { isOneOf specifiedByURL inputFields(includeDeprecated: true) { name isDeprecated } }
            }
            """;

        var response = await GraphQLHttp.PostAsync(client, new { query }, GraphQLHttp.GraphQLResponseJson);

        Assert.Empty(response.ErrorCodes);
        var schema = response.Body!["data"]!["__schema"]!;
        Assert.Equal("Versioned event articles: published content for front ends.", schema["description"]!.GetValue<string>());
        Assert.Contains(schema["directives"]!.AsArray(), d => d!["name"]!.GetValue<string>() == "deprecated" && !d["isRepeatable"]!.GetValue<bool>());
        var type = response.Body!["data"]!["__type"]!;
        Assert.False(type["isOneOf"]!.GetValue<bool>());
        Assert.Null(type["specifiedByURL"]);
        Assert.Contains(type["inputFields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "title" && !f["isDeprecated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_thousand_aliased_schema_fields_are_refused_even_when_the_alias_and_size_limits_allow_them()
    {
        var query = "{ " + string.Concat(Enumerable.Range(0, 1000).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name }} }} }} ")) + "}";
        using var defaults = api.CreateClient();
        using var generous = new CmsApiFactory()
            .WithSetting("GraphQL:Limits:MaxAliases", "100000")
            .WithSetting("GraphQL:Limits:MaxRootFields", "100000")
            .WithSetting("GraphQL:Limits:MaxTokens", "1000000")
            .WithSetting("GraphQL:Limits:MaxQueryLength", "1000000");
        using var generousClient = generous.CreateClient();

        var refusedByDefaultLimits = await GraphQLHttp.PostAsync(defaults, new { query }, GraphQLHttp.GraphQLResponseJson);
        var refusedByIntrospectionBound = await GraphQLHttp.PostAsync(generousClient, new { query }, GraphQLHttp.GraphQLResponseJson);
        var three = await GraphQLHttp.PostAsync(generousClient, new { query = "{ a: __schema { queryType { name } } b: __type(name: \"Article\") { name } c: __schema { description } }" }, GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(400, refusedByDefaultLimits.Status);
        Assert.Null(refusedByDefaultLimits.Body!["data"]);
        AssertRefused(refusedByIntrospectionBound, "TOO_MANY_INTROSPECTION_FIELDS");
        Assert.Empty(three.ErrorCodes);
    }

    [Theory]
    [InlineData("{ __type(name: \"Article\") { fields { type { fields { name } } } } }")]
    [InlineData("{ __schema { types { interfaces { possibleTypes { interfaces { name } } } } } }")]
    [InlineData("{ __schema { types { ...T } } } fragment T on __Type { inputFields { type { ...U } } } fragment U on __Type { inputFields { name } }")]
    public async Task Introspection_list_fields_nested_in_themselves_are_refused(string query)
    {
        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query }, GraphQLHttp.GraphQLResponseJson);

        AssertRefused(response, "INTROSPECTION_TOO_DEEP");
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(17, false)]
    public async Task OfType_may_be_nested_sixteen_levels_deep_whatever_the_selection_depth_limit(int levels, bool allowed)
    {
        var typeRef = new StringBuilder("kind name");
        for (var i = 0; i < levels; i++)
        {
            typeRef.Insert(0, "kind name ofType { ").Append(" }");
        }

        using var client = api.CreateClient();

        var response = await GraphQLHttp.PostAsync(client, new { query = $"{{ __type(name: \"Article\") {{ fields {{ type {{ {typeRef} }} }} }} }}" }, GraphQLHttp.GraphQLResponseJson);

        if (allowed)
        {
            Assert.Empty(response.ErrorCodes);
        }
        else
        {
            AssertRefused(response, "INTROSPECTION_TOO_DEEP");
        }
    }

    [Fact]
    public async Task Get_with_sdl_answers_the_schema_as_text_when_introspection_is_on()
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/graphql?sdl");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal((await File.ReadAllTextAsync(SchemaFile)).ReplaceLineEndings("\n"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_with_sdl_is_not_found_when_introspection_is_off()
    {
        using var production = new CmsApiFactory().WithEnvironment("Production");
        using var client = production.CreateClient();

        var response = await GraphQLHttp.GetAsync(client, new Dictionary<string, string?> { ["sdl"] = string.Empty });

        Assert.Equal(404, response.Status);
        Assert.Equal(["INTROSPECTION_DISABLED"], response.ErrorCodes);
    }

    private static void AssertRefused(GraphQLResponse response, string code)
    {
        Assert.Equal(400, response.Status);
        Assert.Equal([code], response.ErrorCodes);
        Assert.Null(response.Body!["data"]);
    }
}
