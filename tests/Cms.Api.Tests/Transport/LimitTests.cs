using System.Text;
using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Transport;

/// <summary>Every limit refuses its request with its own code, before anything executes.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task A_20_mb_body_is_refused_with_413_before_it_is_read()
    {
        using var api = new CmsApiFactory();
        var body = new byte[20 * 1024 * 1024];
        Encoding.ASCII.GetBytes("{\"query\":\"").CopyTo(body, 0);
        Array.Fill(body, (byte)' ', 10, body.Length - 12);
        Encoding.ASCII.GetBytes("\"}").CopyTo(body, body.Length - 2);

        var (status, _, json) = await api.PostRawAsync(body, "application/json");

        Assert.Equal(413, status);
        Assert.Equal(["REQUEST_TOO_LARGE"], JsonAssert.ErrorCodes(json));
    }

    [Fact]
    public async Task A_query_longer_than_the_limit_is_refused()
    {
        using var api = new CmsApiFactory().WithSetting("GraphQL:Limits:MaxQueryLength", "100");

        var response = await PostAsync(api, "{ articles { totalCount } }" + new string(' ', 100));

        AssertRefused(response, "QUERY_TOO_LONG");
    }

    [Fact]
    public async Task A_query_with_too_many_tokens_is_refused_before_parsing()
    {
        using var api = new CmsApiFactory().WithSetting("GraphQL:Limits:MaxTokens", "50");

        var response = await PostAsync(api, "{ " + string.Concat(Enumerable.Repeat("__typename ", 60)) + "}");

        AssertRefused(response, "TOO_MANY_TOKENS");
    }

    [Fact]
    public async Task Ten_thousand_nested_selections_are_refused_without_a_crash()
    {
        using var defaults = new CmsApiFactory();
        using var generous = new CmsApiFactory()
            .WithSetting("GraphQL:Limits:MaxQueryLength", "1000000")
            .WithSetting("GraphQL:Limits:MaxTokens", "1000000");
        var query = string.Concat(Enumerable.Repeat("{ a ", 10_000)) + new string('}', 10_000);

        AssertRefused(await PostAsync(defaults, query), "QUERY_TOO_LONG");
        AssertRefused(await PostAsync(generous, query), "PARSER_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task A_selection_deeper_than_the_limit_is_refused_through_fragments_too()
    {
        using var api = new CmsApiFactory().WithSetting("GraphQL:Limits:MaxQueryDepth", "4");

        var direct = await PostAsync(api, "{ a { b { c { d { e } } } } }");
        var viaFragments = await PostAsync(api, "{ a { ...F } } fragment F on T { b { ...G } } fragment G on T { c { d { e } } }");
        var allowed = await PostAsync(api, "{ articles { edges { node { slug } } } }");

        AssertRefused(direct, "QUERY_TOO_DEEP");
        AssertRefused(viaFragments, "QUERY_TOO_DEEP");
        Assert.Equal(200, allowed.Status);
        Assert.Empty(allowed.ErrorCodes);
    }

    [Fact]
    public async Task Five_thousand_aliases_are_refused()
    {
        using var defaults = new CmsApiFactory();
        using var generous = new CmsApiFactory()
            .WithSetting("GraphQL:Limits:MaxQueryLength", "1000000")
            .WithSetting("GraphQL:Limits:MaxTokens", "1000000");
        var query = "{ " + string.Concat(Enumerable.Range(0, 5_000).Select(i => $"a{i}: __typename ")) + "}";

        AssertRefused(await PostAsync(defaults, query), "QUERY_TOO_LONG");
        AssertRefused(await PostAsync(generous, query), "TOO_MANY_ALIASES");
    }

    [Fact]
    public async Task Too_many_root_fields_are_refused_even_when_fragments_multiply_them()
    {
        using var api = new CmsApiFactory();
        var spreads = "{ ...A ...A ...A } fragment A on Query { ...B ...B ...B } fragment B on Query { ...C ...C ...C } fragment C on Query { __typename }";

        AssertRefused(await PostAsync(api, "{ " + string.Concat(Enumerable.Repeat("__typename ", 21)) + "}"), "TOO_MANY_ROOT_FIELDS");
        AssertRefused(await PostAsync(api, spreads), "TOO_MANY_ROOT_FIELDS");
    }

    [Fact]
    public async Task Field_cost_counts_page_sizes_and_is_checked_for_cached_documents_with_new_variables()
    {
        using var api = new CmsApiFactory().WithSetting("GraphQL:Limits:MaxComplexity", "200");
        const string query = "query($n: Int) { articles(first: $n) { edges { node { slug title sections { key } } } } }";

        var small = await PostAsync(api, query, new { n = 2 });
        var large = await PostAsync(api, query, new { n = 100 });

        Assert.Equal(200, small.Status);
        Assert.Empty(small.ErrorCodes);
        AssertRefused(large, "QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task Variables_larger_than_the_limit_are_refused()
    {
        using var api = new CmsApiFactory().WithSetting("GraphQL:Limits:MaxVariablesBytes", "1000");

        var response = await PostAsync(api, "query($slug: String!) { article(slug: $slug) { slug } }", new { slug = new string('a', 2000) });

        AssertRefused(response, "VARIABLES_TOO_LARGE");
    }

    [Fact]
    public async Task An_operation_that_runs_too_long_is_cancelled_with_a_timeout_error()
    {
        using var api = new CmsApiFactory().WithTestFields().WithSetting("GraphQL:ExecutionTimeout", "00:00:00.200");

        var response = await PostAsync(api, "{ slow(ms: 30000) }");

        Assert.Contains("TIMEOUT", response.ErrorCodes);
        Assert.True(response.Status is 200 or 400);
    }

    [Fact]
    public async Task Introspection_is_on_in_development_and_off_in_production_unless_configured()
    {
        using var development = new CmsApiFactory();
        using var production = new CmsApiFactory().WithEnvironment("Production");
        using var productionEnabled = new CmsApiFactory().WithEnvironment("Production").WithSetting("GraphQL:EnableIntrospection", "true");
        const string query = "{ __schema { queryType { name } } }";

        Assert.Empty((await PostAsync(development, query)).ErrorCodes);
        AssertRefused(await PostAsync(production, query), "INTROSPECTION_DISABLED");
        Assert.Empty((await PostAsync(productionEnabled, query)).ErrorCodes);
        Assert.Empty((await PostAsync(production, "{ __typename }")).ErrorCodes);
    }

    [Fact]
    public void Invalid_limits_stop_the_server_at_start_up()
    {
        using var api = new CmsApiFactory().WithSetting("GraphQL:Limits:MaxQueryDepth", "0");

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => api.CreateClient());

        Assert.Contains(error.Failures, f => f.Contains("MaxQueryDepth", StringComparison.Ordinal));
    }

    private static async Task<GraphQLResponse> PostAsync(CmsApiFactory api, string query, object? variables = null)
    {
        using var client = api.CreateClient();
        return await GraphQLHttp.PostAsync(client, new { query, variables }, GraphQLHttp.GraphQLResponseJson);
    }

    private static void AssertRefused(GraphQLResponse response, string code)
    {
        Assert.Equal(400, response.Status);
        Assert.Equal([code], response.ErrorCodes);
        Assert.Null(response.Body!["data"]);
    }
}
