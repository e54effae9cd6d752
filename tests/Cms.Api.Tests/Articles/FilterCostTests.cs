using Cms.Api.Tests.Infrastructure;

namespace Cms.Api.Tests.Articles;

/// <summary>Filters and sort steps count in the cost rule on HotChocolate's scale: 10 an operation, 20 a pattern match.</summary>
public sealed class FilterCostTests
{
    [Fact]
    public async Task Pattern_filters_and_sort_steps_raise_the_cost_given_inline_or_as_variables()
    {
        using var api = new CmsApiFactory().WithSetting("GraphQL:Limits:MaxComplexity", "15");
        using var client = api.CreateClient();

        var plain = await GraphQLHttp.PostAsync(client, new { query = "{ articles(first: 1) { nodes { slug } } }" });
        var pattern = await GraphQLHttp.PostAsync(client, new { query = "{ articles(first: 1, where: { title: { contains: \"a\" } }) { nodes { slug } } }" });
        var sorted = await GraphQLHttp.PostAsync(client, new { query = "{ articles(first: 1, order: [{ title: ASC }, { updatedAt: DESC }]) { nodes { slug } } }" });
        var asVariable = await GraphQLHttp.PostAsync(client, new
        {
            query = "query($where: ArticleFilterInput) { articles(first: 1, where: $where) { nodes { slug } } }",
            variables = new { where = new { slug = new { startsWith = "b", endsWith = "n" } } },
        });

        JsonAssert.NoErrors(plain.Body!);
        Assert.Equal(["QUERY_TOO_COMPLEX"], JsonAssert.ErrorCodes(pattern.Body));
        Assert.Equal(["QUERY_TOO_COMPLEX"], JsonAssert.ErrorCodes(sorted.Body));
        Assert.Equal(["QUERY_TOO_COMPLEX"], JsonAssert.ErrorCodes(asVariable.Body));
    }
}
