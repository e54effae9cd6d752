using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Transport;

/// <summary>
/// A Relay front end compiles against <c>schema.graphql</c>: a pagination fragment (<c>@connection</c>,
/// <c>@refetchable</c>) over <c>articles</c> and a refetchable fragment on <c>Article</c>, which needs <c>Node</c> and
/// <c>node(id:)</c>. relay-compiler (pinned in tests/js) runs through Node on tests/js/relay/src.
/// </summary>
public sealed class RelayCompilerTests
{
    [Fact]
    public async Task Relay_compiles_a_pagination_fragment_and_a_refetchable_article_fragment()
    {
        var schema = Path.Combine(Node.ScriptsFolder, "..", "..", "schema.graphql");

        var result = await Node.RunJsonAsync("relay.mjs", schema);

        Assert.True(result["exitCode"]!.GetValue<int>() == 0, result["output"]!.GetValue<string>());
        Assert.Equal(
            ["ArticleCardRefetchQuery.graphql.js", "ArticleCard_article.graphql.js", "ArticleListPaginationQuery.graphql.js", "ArticleListQuery.graphql.js", "ArticleList_query.graphql.js"],
            result["artifacts"]!.AsArray().Select(a => a!.GetValue<string>()));
    }
}
